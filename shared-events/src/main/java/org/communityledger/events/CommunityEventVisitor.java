package org.communityledger.events;

/**
 * One method per community event. Java 17 has no pattern matching over a sealed interface, so this is
 * how a projection handles every event with the compiler's help: a new event adds a method here, and
 * every projection that does not handle it stops compiling.
 */
public interface CommunityEventVisitor<R> {

    R communityEstablished(CommunityEstablished event);

    R memberJoined(MemberJoined event);
}
