package org.communityledger.query.community;

/** Optional filters of a community's member list; null means "any". {@code q} searches names. */
record MemberFilter(String province, String kind, String role, String q) {
}
