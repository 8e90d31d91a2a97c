package org.communityledger.events;

/**
 * One method per community event. Java 17 has no pattern matching over a sealed interface, so this is
 * how a projection handles every event with the compiler's help: a new event adds a method here, and
 * every projection that does not handle it stops compiling.
 */
public interface CommunityEventVisitor<R> {

    R communityEstablished(CommunityEstablished event);

    R constitutionApproved(ConstitutionApproved event);

    R organizationalListApproved(OrganizationalListApproved event);

    R memberJoined(MemberJoined event);

    R memberLeft(MemberLeft event);

    R memberRoleAssigned(MemberRoleAssigned event);

    R memberRoleRevoked(MemberRoleRevoked event);

    R plaqueAwarded(PlaqueAwarded event);

    R plaqueRevoked(PlaqueRevoked event);

    R cooperationAgreementSigned(CooperationAgreementSigned event);

    R cooperationAgreementTerminated(CooperationAgreementTerminated event);

    R communityDissolved(CommunityDissolved event);
}
