package org.tsoinspector.app;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.tsoinspector.samp.SampLink;

/**
 * A "Send ... to" submenu: all clients of the SAMP hub that take the message, then each by name, read
 * afresh each time it opens (tools come and go); one disabled line saying why when there is no hub.
 */
final class SendToMenu {

    private SendToMenu() {
    }

    /**
     * @param samp   the window's link, or null while it starts
     * @param mtype  what the recipients must take (image.load.fits, table.load.votable)
     * @param sendTo called with a client's id, or null for all of them
     */
    static Menu of(String title, String id, Supplier<SampLink> samp, String mtype, Consumer<String> sendTo) {
        Menu menu = new Menu(title);
        menu.setId(id);
        // a submenu without items never opens, so it never hears onShowing: keep the line that says why
        menu.getItems().add(notConnected());
        menu.setOnShowing(e -> fill(menu, samp.get(), mtype, sendTo));
        return menu;
    }

    private static void fill(Menu menu, SampLink link, String mtype, Consumer<String> sendTo) {
        menu.getItems().clear();
        if (link == null || !link.isConnected()) {
            menu.getItems().add(notConnected());
            return;
        }
        var recipients = link.recipients(mtype);
        if (recipients.isEmpty()) {
            MenuItem none = new MenuItem("No client takes " + mtype);
            none.setDisable(true);
            menu.getItems().add(none);
            return;
        }
        MenuItem all = new MenuItem("All clients (" + recipients.size() + ")");
        all.setOnAction(e -> sendTo.accept(null));
        menu.getItems().addAll(all, new SeparatorMenuItem());
        for (SampLink.Recipient r : recipients) {
            MenuItem item = new MenuItem(r.name());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> sendTo.accept(r.id()));
            menu.getItems().add(item);
        }
    }

    private static MenuItem notConnected() {
        MenuItem item = new MenuItem("No SAMP hub (File > Connect to SAMP hub)");
        item.setDisable(true);
        return item;
    }
}
