package org.communityledger.client.community;

/**
 * Which members a page lists; every part is optional (null).
 *
 * @param province an ISO 3166-2:CN code such as {@code CN-SC}
 * @param kind     an organisation kind such as {@code ENTERPRISE}
 * @param role     a role such as {@code CHAIR_UNIT}
 * @param text     part of the name or id, matched without regard to case
 */
public record MemberFilter(String province, String kind, String role, String text) {

    public static final MemberFilter ALL = new MemberFilter(null, null, null, null);

    public MemberFilter withProvince(String code) {
        return new MemberFilter(code, kind, role, text);
    }

    public MemberFilter withKind(String organizationKind) {
        return new MemberFilter(province, organizationKind, role, text);
    }

    public MemberFilter withRole(String memberRole) {
        return new MemberFilter(province, kind, memberRole, text);
    }

    public MemberFilter withText(String nameOrId) {
        return new MemberFilter(province, kind, role, nameOrId);
    }
}
