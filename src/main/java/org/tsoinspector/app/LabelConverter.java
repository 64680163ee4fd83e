package org.tsoinspector.app;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Shows choice-box items by a label of their own (one way: the items are never typed). */
final class LabelConverter {

    private LabelConverter() {
    }

    static <T> StringConverter<T> of(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
