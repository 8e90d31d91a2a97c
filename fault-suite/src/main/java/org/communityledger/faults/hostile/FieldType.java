package org.communityledger.faults.hostile;

enum FieldType {
    TEXT, UNCHECKED_TEXT, ORG_ID, DATE, KIND, ROLE, PROVINCE, SHA256, FLAG, ORG_IDS, TEXTS, POSITIONS,
    MERKLE_ROOT, COUNT, INSTANT
}
