package io.wamptls.router;

import java.util.Collection;

/** The sessions joined to one realm. */
public interface SessionDirectory {

    /** The session with that id, or null. */
    SessionRef find(long sessionId);

    Collection<SessionRef> sessions();
}
