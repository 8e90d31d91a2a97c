package org.communityledger.client.deadletter;

/** Why a parked record is given up on; recorded with the dead letter. */
public record Discard(String reason) {
}
