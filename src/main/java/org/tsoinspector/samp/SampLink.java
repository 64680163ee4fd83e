package org.tsoinspector.samp;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.astrogrid.samp.Client;
import org.astrogrid.samp.ErrInfo;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.SampUtils;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.ClientProfile;
import org.astrogrid.samp.client.DefaultClientProfile;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import org.astrogrid.samp.client.SampException;
import org.astrogrid.samp.client.TrackedClientSet;
import org.tsoinspector.inspect.FitsImage;
import org.tsoinspector.inspect.PlotResult;
import org.tsoinspector.io.OutputFile;

/**
 * The inspector's SAMP client (JSAMP, the library TOPCAT uses): sends frames as FITS images and plot
 * numbers as VOTables to DS9, TOPCAT, Aladin or astropy.samp; opens FITS files other tools send
 * ({@code image.load.fits}); links the light curve's rows to integrations both ways
 * ({@code table.highlight.row}). Nothing here runs on the caller's thread for long except a send,
 * which writes a file: callers keep it off the UI thread. The listener is called on JSAMP's threads.
 */
public final class SampLink implements AutoCloseable {

    public static final String IMAGE_LOAD_FITS = "image.load.fits";
    public static final String TABLE_LOAD_VOTABLE = "table.load.votable";
    public static final String TABLE_HIGHLIGHT_ROW = "table.highlight.row";

    /** Files received within this long of each other are the segments of one exposure. */
    static final long BATCH_MILLIS = 1500;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SampLink.class);
    private static final int CONNECT_POLL_SECONDS = 5;
    private static final int DOWNLOAD_TIMEOUT_MILLIS = 20_000;

    /** What the window hears from the hub; called on JSAMP's threads. */
    public interface Listener {

        /** The connection changed: {@link #state()} tells what to show. */
        void stateChanged();

        /** Files another tool sent, to open as one exposure (the segments in the order they came). */
        void filesReceived(List<Path> files, String sender);

        /** Another tool highlighted a row of a table we sent that is linked to integrations (from 1). */
        void integrationHighlighted(int integration, String sender);
    }

    /** Makes a link that tells this listener (the window's seam: the application's hub or a test's). */
    @FunctionalInterface
    public interface Factory {
        SampLink create(Listener listener) throws IOException;
    }

    /** A client of the hub that can receive a message. */
    public record Recipient(String id, String name) {
    }

    /** A table we sent whose rows belong to integrations, so highlights can go both ways. */
    private record LinkedTable(String tableId, String url, int[] integrationOfRow) {
    }

    private final Listener listener;
    private final Connector connector;
    private final Path spool;
    private final Thread deleteSpoolAtExit = new Thread(this::deleteSpool, "tso-samp-spool");
    private final ExecutorService connecting = Executors.newSingleThreadExecutor(daemon("tso-samp-connect"));
    private final ScheduledExecutorService batching = Executors.newSingleThreadScheduledExecutor(
            daemon("tso-samp-batch"));
    private final AtomicInteger sent = new AtomicInteger();
    private final List<Path> batch = new ArrayList<>();
    private final Map<String, LinkedTable> linked = Collections.synchronizedMap(new HashMap<>());
    private volatile LinkedTable lastLinked;
    private ScheduledFuture<?> batchFlush;
    private String batchSender;

    /** A client of the hub the standard profile finds (SAMP_HUB, else ~/.samp). */
    public static SampLink standard(Listener listener) throws IOException {
        return new SampLink(DefaultClientProfile.getProfile(), listener);
    }

    /** A client of the hub that {@code profile} registers with (tests name their own hub's). */
    public SampLink(ClientProfile profile, Listener listener) throws IOException {
        this.listener = listener;
        this.spool = Files.createTempDirectory("tso-inspector-samp-");
        // a window ended by a signal (logout, kill) never closes the link: its files go at exit
        Runtime.getRuntime().addShutdownHook(deleteSpoolAtExit);
        this.connector = new Connector(profile);
        Metadata meta = new Metadata();
        meta.setName("TSO Inspector");
        meta.setDescriptionText("Inspects JWST time-series ramps and what each detector1 step did");
        meta.put("author.name", "TSO Inspector developers");
        connector.declareMetadata(meta);
        connector.addMessageHandler(new ImageLoadHandler());
        connector.addMessageHandler(new HighlightHandler());
        connector.declareSubscriptions(connector.computeSubscriptions());
    }

    /**
     * Starts looking for a hub in the background: connects now when one runs, and later when one
     * starts (every few seconds, a read of the lockfile); returns at once.
     */
    public void start() {
        connecting.execute(() -> connector.setAutoconnect(CONNECT_POLL_SECONDS));
    }

    /** Tries to connect now (File > Connect), in the background; the listener hears how it went. */
    public void connect() {
        connecting.execute(() -> {
            connector.setActive(true);
            listener.stateChanged();
        });
    }

    /** Leaves the hub (File > Disconnect) and stops looking for one until {@link #connect}. */
    public void disconnect() {
        connecting.execute(() -> {
            connector.setAutoconnect(0);
            connector.setActive(false);
            listener.stateChanged();
        });
    }

    public boolean isConnected() {
        return connector.isConnected();
    }

    /** The status bar's words: "SAMP: connected (2 other tools)" or "SAMP: no hub". */
    public String state() {
        if (!connector.isConnected()) {
            return "SAMP: no hub";
        }
        // the hub registers itself as a client; the user counts the tools
        int others = 0;
        String hub = hubId();
        String self = selfId();
        for (Object id : connector.getClientMap().keySet()) {
            if (!id.equals(hub) && !id.equals(self)) {
                others++;
            }
        }
        return "SAMP: connected (" + others + (others == 1 ? " other tool)" : " other tools)");
    }

    /** The clients that take {@code mtype}, by name, for a "Send to" menu (empty when not connected). */
    public List<Recipient> recipients(String mtype) {
        List<Recipient> out = new ArrayList<>();
        if (!connector.isConnected()) {
            return out;
        }
        String self = selfId();
        for (Object o : connector.getClientMap().values()) {
            Client c = (Client) o;
            if (!c.getId().equals(self) && c.getSubscriptions() != null && c.getSubscriptions().isSubscribed(mtype)) {
                String name = c.getMetadata() != null && c.getMetadata().getName() != null ? c.getMetadata().getName()
                        : c.getId();
                out.add(new Recipient(c.getId(), name));
            }
        }
        out.sort(java.util.Comparator.comparing(Recipient::name));
        return out;
    }

    /**
     * Sends an image (frame, difference or map) as a FITS file to one client, or to all that take
     * images when {@code recipientId} is null; returns how many it went to.
     */
    public int sendImage(PlotResult image, String recipientId) throws IOException {
        return sendImage(image.image(), image.figure().name(), image.captionText(), recipientId);
    }

    /**
     * Sends a FITS image (a reference file's plane, say).
     *
     * @param stem the start of the file's name ("frame", "mask")
     * @param name what the receiving tool shows as its title
     */
    public int sendImage(FitsImage image, String stem, String name, String recipientId) throws IOException {
        Path file = spoolFile(stem, ".fits");
        image.write(file);
        Message m = new Message(IMAGE_LOAD_FITS).addParam("url", url(file)).addParam("image-id", idOf(file))
                .addParam("name", name);
        return send(m, recipientId);
    }

    /**
     * Sends a plot's numbers as a VOTable; a table with an "integration" column is linked, so that a row
     * highlighted in TOPCAT moves the window and the window's integration highlights the row.
     */
    public int sendTable(PlotResult plot, String recipientId) throws IOException {
        Path file = spoolFile(plot.figure().name(), ".vot");
        plot.writeVoTable(file);
        String tableId = idOf(file);
        String url = url(file);
        int column = plot.table().columnIndex("integration");
        if (column >= 0) {
            int[] rows = new int[plot.table().rowCount()];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = ((Number) plot.table().value(r, column)).intValue();
            }
            LinkedTable t = new LinkedTable(tableId, url, rows);
            linked.put(tableId, t);
            linked.put(url, t);
            lastLinked = t;
        }
        Message m = new Message(TABLE_LOAD_VOTABLE).addParam("url", url).addParam("table-id", tableId)
                .addParam("name", plot.captionText());
        return send(m, recipientId);
    }

    /**
     * Highlights, in every client, the first row of the last linked table that belongs to this
     * integration (from 1); does nothing when there is no such table or no hub.
     */
    public void highlightIntegration(int integration) {
        LinkedTable t = lastLinked;
        if (t == null || !connector.isConnected()) {
            return;
        }
        for (int r = 0; r < t.integrationOfRow().length; r++) {
            if (t.integrationOfRow()[r] == integration) {
                Message m = new Message(TABLE_HIGHLIGHT_ROW).addParam("table-id", t.tableId())
                        .addParam("url", t.url()).addParam("row", SampUtils.encodeInt(r));
                try {
                    send(m, null);
                } catch (IOException e) {
                    LOG.info("SAMP highlight of integration {}: {}", integration, e.getMessage());
                }
                return;
            }
        }
    }

    private int send(Message m, String recipientId) throws IOException {
        HubConnection c = connector.getConnection();
        if (c == null) {
            throw new IOException("not connected to a SAMP hub (File > Connect to SAMP hub)");
        }
        if (recipientId != null) {
            c.notify(recipientId, m);
            return 1;
        }
        return c.notifyAll(m).size();
    }

    private String hubId() {
        return registration(org.astrogrid.samp.RegInfo::getHubId);
    }

    private String selfId() {
        return registration(org.astrogrid.samp.RegInfo::getSelfId);
    }

    /** A field of this client's registration with the hub, or "" when not registered. */
    private String registration(java.util.function.Function<org.astrogrid.samp.RegInfo, String> field) {
        try {
            HubConnection c = connector.getConnection();
            return c == null ? "" : field.apply(c.getRegInfo());
        } catch (SampException e) {
            return "";
        }
    }

    private Path spoolFile(String what, String suffix) {
        return spool.resolve(what + "-" + sent.incrementAndGet() + suffix);
    }

    private static String url(Path file) {
        return SampUtils.fileToUrl(file.toFile()).toString();
    }

    private static String idOf(Path file) {
        return "tso-inspector:" + file.getFileName();
    }

    /** Leaves the hub and deletes the files sent. */
    @Override
    public void close() {
        connecting.shutdownNow();
        batching.shutdownNow();
        connector.setAutoconnect(0);
        connector.setActive(false);
        deleteSpool();
        try {
            Runtime.getRuntime().removeShutdownHook(deleteSpoolAtExit);
        } catch (IllegalStateException e) {
            // closed while the JVM shuts down: the hook runs anyway and finds nothing left
        }
    }

    private void deleteSpool() {
        try {
            OutputFile.deleteTree(spool);
        } catch (IOException e) {
            LOG.info("SAMP spool {}: {}", spool, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ receiving

    /**
     * The local file a URL names: a {@code file:} URL as it is, an {@code http:} URL on the loopback
     * copied into the spool first. Anything else is refused: a file from another machine is not opened
     * behind the user's back.
     */
    Path fetch(String url) throws IOException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IOException("'" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("file")) {
            return SampUtils.urlToFile(new URL(url)).toPath();
        }
        if (!scheme.equals("http") || uri.getHost() == null || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
            throw new IOException("only file: URLs and http: URLs on this machine are opened, not " + url);
        }
        String name = Path.of(uri.getPath() == null || uri.getPath().isEmpty() ? "/received.fits" : uri.getPath())
                .getFileName().toString();
        Path target = spool.resolve("received-" + sent.incrementAndGet() + "-" + name);
        HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection();
        http.setConnectTimeout(DOWNLOAD_TIMEOUT_MILLIS);
        http.setReadTimeout(DOWNLOAD_TIMEOUT_MILLIS);
        if (http.getResponseCode() != HttpURLConnection.HTTP_OK) {
            throw new IOException(url + " answered " + http.getResponseCode() + " " + http.getResponseMessage());
        }
        try (InputStream in = http.getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Collects received files; the batch is opened once none has come for {@link #BATCH_MILLIS}. */
    private synchronized void received(Path file, String sender) {
        batch.add(file);
        batchSender = sender;
        if (batchFlush != null) {
            batchFlush.cancel(false);
        }
        batchFlush = batching.schedule(this::flush, BATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void flush() {
        List<Path> files;
        String sender;
        synchronized (this) {
            files = List.copyOf(batch);
            sender = batchSender;
            batch.clear();
        }
        if (!files.isEmpty()) {
            listener.filesReceived(files, sender);
        }
    }

    private String senderName(String senderId) {
        Object c = connector.getClientMap().get(senderId);
        if (c instanceof Client client && client.getMetadata() != null && client.getMetadata().getName() != null) {
            return client.getMetadata().getName();
        }
        return senderId;
    }

    /**
     * A handler whose refusals reach the sending tool as one sentence (JSAMP's default reply carries
     * the stack trace, which the other tool may show its user).
     */
    private abstract static class OneSentenceHandler extends AbstractMessageHandler {

        OneSentenceHandler(String mtype) {
            super(mtype);
        }

        @Override
        public void receiveCall(HubConnection connection, String senderId, String msgId, Message message)
                throws SampException {
            Response response;
            try {
                response = createResponse(processCall(connection, senderId, message));
            } catch (IOException e) {
                ErrInfo err = new ErrInfo(e.getMessage());
                err.setUsertxt(e.getMessage());
                response = Response.createErrorResponse(err);
            } catch (Exception e) {
                LOG.warn("SAMP {} from {}", message.getMType(), senderId, e);
                response = Response.createErrorResponse(new ErrInfo("internal error: " + e));
            }
            connection.reply(msgId, response);
        }
    }

    private final class ImageLoadHandler extends OneSentenceHandler {

        ImageLoadHandler() {
            super(IMAGE_LOAD_FITS);
        }

        @Override
        public Map processCall(HubConnection c, String senderId, Message m) throws IOException {
            Object url = m.getParam("url");
            if (!(url instanceof String u)) {
                throw new IOException(IMAGE_LOAD_FITS + " needs a url");
            }
            Path file = fetch(u);
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": no such file");
            }
            received(file, senderName(senderId));
            return null;
        }
    }

    private final class HighlightHandler extends OneSentenceHandler {

        HighlightHandler() {
            super(TABLE_HIGHLIGHT_ROW);
        }

        @Override
        public Map processCall(HubConnection c, String senderId, Message m) throws IOException {
            LinkedTable t = linked.get(String.valueOf(m.getParam("table-id")));
            if (t == null) {
                t = linked.get(String.valueOf(m.getParam("url")));
            }
            if (t == null) {
                throw new IOException("not a table TSO Inspector sent");
            }
            int row = SampUtils.decodeInt(String.valueOf(m.getParam("row")));
            if (row < 0 || row >= t.integrationOfRow().length) {
                throw new IOException("the table has rows 0 to " + (t.integrationOfRow().length - 1) + ", not " + row);
            }
            listener.integrationHighlighted(t.integrationOfRow()[row], senderName(senderId));
            return null;
        }
    }

    /** JSAMP's connector, telling the listener when the hub comes or goes. */
    private final class Connector extends HubConnector {

        Connector(ClientProfile profile) {
            super(profile, new ClientsTellingListener());
        }

        @Override
        protected void connectionChanged(boolean isConnected) {
            super.connectionChanged(isConnected);
            LOG.info("SAMP hub {}", isConnected ? "connected" : "gone");
            listener.stateChanged();
        }
    }

    /** The hub's clients as JSAMP tracks them; a client coming, going or renaming changes what the status bar shows. */
    private final class ClientsTellingListener extends TrackedClientSet {

        @Override
        public void addClient(Client client) {
            super.addClient(client);
            listener.stateChanged();
        }

        @Override
        public synchronized void removeClient(Client client) {
            super.removeClient(client);
            listener.stateChanged();
        }

        @Override
        public synchronized void setClients(Client[] clients) {
            super.setClients(clients);
            listener.stateChanged();
        }

        @Override
        public void updateClient(Client client, boolean metaChanged, boolean subsChanged) {
            super.updateClient(client, metaChanged, subsChanged);
            listener.stateChanged();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
