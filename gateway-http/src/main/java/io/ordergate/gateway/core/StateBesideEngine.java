package io.ordergate.gateway.core;

import java.util.Map;

/**
 * A feature whose state beside the engine is rebuilt from the commands applied (a registry a replay fills): it names
 * that state, so the cluster's snapshots carry it with the engine's ({@code ResultHandler.stateBesideEngine}) and a
 * member started from a snapshot has what one that applied the whole log has. A root is an object its owner keeps
 * for good (a map, a table) holding data only (no sockets, threads or lambdas): it is filled in place on load.
 */
public interface StateBesideEngine
{
    /** Adds this feature's roots, each under a name unique in the gateway, always in the same order. */
    void stateRoots(Map<String, Object> roots);
}
