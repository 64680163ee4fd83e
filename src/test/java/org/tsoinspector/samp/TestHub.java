package org.tsoinspector.samp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.SampUtils;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.ClientProfile;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import org.astrogrid.samp.hub.Hub;
import org.astrogrid.samp.hub.HubProfile;
import org.astrogrid.samp.hub.HubServiceMode;
import org.astrogrid.samp.xmlrpc.LockInfo;
import org.astrogrid.samp.xmlrpc.StandardClientProfile;
import org.astrogrid.samp.xmlrpc.StandardHubProfile;
import org.astrogrid.samp.xmlrpc.XmlRpcKit;

/**
 * JSAMP's own hub, started in this JVM on the loopback address with a lockfile of its own (never the
 * user's ~/.samp), and a second client playing DS9 or TOPCAT that records what it is sent.
 */
public final class TestHub implements AutoCloseable {

    private final Path lockfile;
    private final Hub hub;
    private final HubConnector peer;
    private final List<Message> received = new CopyOnWriteArrayList<>();

    public TestHub(Path dir) throws IOException {
        lockfile = dir.resolve("samp-lock");
        StandardHubProfile profile = new StandardHubProfile(XmlRpcKit.getInstance().getClientFactory(),
                XmlRpcKit.getInstance().getServerFactory(), lockfile.toFile(), StandardHubProfile.createSecret());
        hub = Hub.runHub(HubServiceMode.NO_GUI, new HubProfile[] {profile}, new HubProfile[0]);
        peer = new HubConnector(clientProfile());
        org.astrogrid.samp.Metadata meta = new org.astrogrid.samp.Metadata();
        meta.setName("peer");
        peer.declareMetadata(meta);
        for (String mtype : List.of(SampLink.IMAGE_LOAD_FITS, SampLink.TABLE_LOAD_VOTABLE,
                SampLink.TABLE_HIGHLIGHT_ROW)) {
            peer.addMessageHandler(new AbstractMessageHandler(mtype) {
                @Override
                public Map processCall(HubConnection c, String senderId, Message m) {
                    received.add(m);
                    return null;
                }
            });
        }
        peer.declareSubscriptions(peer.computeSubscriptions());
        peer.setActive(true);
        if (!peer.isConnected()) {
            throw new IOException("the test client did not connect to the test hub");
        }
    }

    /** A client profile that registers with this hub. */
    public ClientProfile clientProfile() {
        return new StandardClientProfile(XmlRpcKit.getInstance()) {
            @Override
            public LockInfo getLockInfo() throws IOException {
                return lockfile.toFile().exists() ? LockInfo.readLockFile(SampUtils.fileToUrl(lockfile.toFile()))
                        : null;
            }
        };
    }

    public String peerId() throws IOException {
        return peer.getConnection().getRegInfo().getSelfId();
    }

    /** The id of the client registered under this name. */
    public String clientNamed(String name) throws Exception {
        for (Object o : peer.getClientMap().values()) {
            org.astrogrid.samp.Client c = (org.astrogrid.samp.Client) o;
            if (c.getMetadata() != null && name.equals(c.getMetadata().getName())) {
                return c.getId();
            }
        }
        throw new AssertionError("no client named " + name + " among " + peer.getClientMap().keySet());
    }

    /** The first message of this type the peer got, waiting up to 10 s. */
    public Message awaitMessage(String mtype) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            for (Message m : received) {
                if (m.getMType().equals(mtype)) {
                    received.remove(m);
                    return m;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + mtype + " arrived within 10 s");
    }

    /** Sends a message from the peer to a client and waits for its answer: null when it succeeded, else its error text. */
    public String call(String recipientId, Message m) throws Exception {
        org.astrogrid.samp.Response r = peer.callAndWait(recipientId, m, 20);
        return r.isOK() ? null : String.valueOf(r.getErrInfo().getErrortxt());
    }

    /** A profile with no hub behind it, as on a machine where no SAMP tool runs. */
    public static final class NoHub implements ClientProfile {
        @Override
        public boolean isHubRunning() {
            return false;
        }

        @Override
        public HubConnection register() {
            return null;
        }
    }

    @Override
    public void close() {
        peer.setActive(false);
        hub.shutdown();
    }
}
