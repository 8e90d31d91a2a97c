package org.communityledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.communityledger.proofs.note.Checkpoint;
import org.communityledger.proofs.note.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OfflineVerifierTest {

    private static final NoteSigner LOG_KEY = NoteSigner.generate("community-ledger.test");

    @TempDir
    Path directory;

    private final TestLedger ledger = TestLedger.mixed();

    private Report verify(List<String> lines) throws IOException {
        return OfflineVerifier.verify(TestLedger.write(directory, lines), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private Report verify(List<String> lines, String checkpoint) throws IOException {
        return OfflineVerifier.verify(TestLedger.write(directory, lines), Optional.of(checkpoint),
                Optional.of(LOG_KEY.verifier()), Optional.empty());
    }

    private Report verify(List<String> lines, String checkpoint, String previousCheckpoint) throws IOException {
        return OfflineVerifier.verify(TestLedger.write(directory, lines), Optional.of(checkpoint),
                Optional.of(LOG_KEY.verifier()), Optional.of(previousCheckpoint));
    }

    private static Location.Line line(long number, long position, String communityId, long version) {
        return new Location.Line(number, OptionalLong.of(position), Optional.of(communityId), OptionalLong.of(version));
    }

    @Test
    void aWholeExportOfV1AndV2EventsInSeveralCommunitiesVerifiesAgainstItsCheckpoints() throws IOException {
        List<String> lines = ledger.lines();

        Report report = verify(lines, ledger.checkpoint(LOG_KEY, 10), ledger.checkpoint(LOG_KEY, 6));

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.events()).isEqualTo(10);
        assertThat(report.communities()).isEqualTo(3);
        assertThat(report.treeSize()).isEqualTo(10);
        byte[] root = TestLedger.treeHash(ledger.hashes().stream().map(HexFormat.of()::parseHex).toList());
        assertThat(report.rootHash()).contains(Base64.getEncoder().encodeToString(root));
        assertThat(report.checkpoint()).map(Checkpoint::size).contains(10L);
        assertThat(report.previousCheckpoint()).map(Checkpoint::size).contains(6L);
    }

    @Test
    void anExportMayHoldMoreEventsThanTheCheckpointCounts() throws IOException {
        Report report = verify(ledger.lines(), ledger.checkpoint(LOG_KEY, 7));

        assertThat(report.problems()).isEmpty();
    }

    @Test
    void anEmptyExportIsTheEmptyTree() throws IOException {
        TestLedger empty = new TestLedger();

        Report report = verify(empty.lines(), empty.checkpoint(LOG_KEY, 0));

        assertThat(report.problems()).isEmpty();
        assertThat(report.treeSize()).isZero();
        assertThat(report.rootHash()).contains(Base64.getEncoder().encodeToString(TestLedger.treeHash(List.of())));
    }

    static Stream<Arguments> editsOfAV2Event() {
        // Line 7: community-c's version 2 at position 8, with an idempotency key; the next position is 10.
        return Stream.of(
                Arguments.of("a payload byte", "\"m-4\"", "\"m-9\"", 8L),
                Arguments.of("the principal", "\"principal\":\"alice\"", "\"principal\":\"mallory\"", 8L),
                Arguments.of("the correlation id", "correlation-8", "correlation-9", 8L),
                Arguments.of("the idempotency key", "request-7f3a", "request-0000", 8L),
                Arguments.of("the timestamp", "02:30:12.000Z", "02:30:12.001Z", 8L),
                Arguments.of("the position", "\"position\":8,", "\"position\":9,", 9L),
                Arguments.of("the event id", "event-8", "event-9", 8L));
    }

    @ParameterizedTest(name = "editing {0} of a v2 event fails naming the event")
    @MethodSource("editsOfAV2Event")
    void editingAFieldThatAV2SealCoversFailsNamingTheEvent(String field, String from, String to, long position)
            throws IOException {
        List<String> lines = TestLedger.edited(ledger.lines(), 6, from, to);

        Report report = verify(lines);

        assertThat(report.problems()).extracting(Problem::kind, Problem::location)
                .containsExactly(tuple(Problem.Kind.HASH_MISMATCH, line(7, position, "community-c", 2)));
        assertThat(report.problems().get(0).describe())
                .startsWith("line 7 (position " + position + ", community community-c, version 2): HASH_MISMATCH: ")
                .contains("the event was altered after it was sealed");
    }

    @Test
    void anEditedPayloadOfAV1EventFails() throws IOException {
        List<String> lines = TestLedger.edited(ledger.lines(), 3, "\"role\":\"MEMBER\"", "\"role\":\"CHAIR\"");

        Report report = verify(lines);

        assertThat(report.problems()).extracting(Problem::kind, Problem::location)
                .containsExactly(tuple(Problem.Kind.HASH_MISMATCH, line(4, 5, "community-a", 2)));
    }

    @Test
    void aV1EventsPrincipalIsNotCoveredByItsHashWhichIsWhyV2Exists() throws IOException {
        List<String> lines = TestLedger.edited(ledger.lines(), 3, "\"principal\":\"alice\"",
                "\"principal\":\"mallory\"");

        Report report = verify(lines, ledger.checkpoint(LOG_KEY, 10));

        assertThat(report.problems()).isEmpty();
    }

    @Test
    void aPayloadIsHashedAsItsExactBytesSpacesAndEscapesIncluded() throws IOException {
        TestLedger spaced = new TestLedger();
        spaced.append(TestLedger.Seal.V1, "community-a", "MemberLeft", "[1, 2.50, true, null]");
        spaced.append(TestLedger.Seal.V2, "community-a", "MemberJoined", "{ \"b\" : 1,\t\"a\":\"caf\\u00e9 \\/\" }");
        List<String> lines = spaced.lines();

        Report report = verify(lines, spaced.checkpoint(LOG_KEY, 2));

        assertThat(report.problems()).isEmpty();
        assertThat(verify(TestLedger.edited(lines, 1, "\"b\" : 1", "\"b\":1")).problems())
                .extracting(Problem::kind).containsExactly(Problem.Kind.HASH_MISMATCH);
    }

    @Test
    void aStoredPayloadThatIsNotJsonIsHashedAsTheTextOfTheStringTheExportWrites() throws IOException {
        TestLedger odd = new TestLedger();
        TestLedger.Event event = odd.append(TestLedger.Seal.V2, "community-a", "MemberJoined", "not \"json\" at all");
        event.payloadIsJson = false;
        odd.append(TestLedger.Seal.V2, "community-a", "MemberLeft", "\"a JSON string\"");

        Report report = verify(odd.lines());

        assertThat(odd.lines().get(0)).contains(",\"payload\":\"not \\\"json\\\" at all\"}");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void aRemovedMiddleLineIsAMissingVersionAndChangesTheRoot() throws IOException {
        List<String> lines = new ArrayList<>(ledger.lines());
        lines.remove(5); // community-a's version 3

        Report report = verify(lines, ledger.checkpoint(LOG_KEY, 10));

        assertThat(report.problems()).extracting(Problem::kind, Problem::location).containsExactly(
                tuple(Problem.Kind.VERSION_SKIPPED, line(7, 10, "community-a", 4)),
                tuple(Problem.Kind.CHECKPOINT_BEYOND_EXPORT, Location.Note.CHECKPOINT));
        assertThat(report.problems().get(0).detail())
                .contains("version 4 follows version 2 (line 4): version 3 is missing");
    }

    @Test
    void twoSwappedLinesAreOutOfOrderAndChangeTheRootThoughEveryChainHolds() throws IOException {
        List<String> lines = new ArrayList<>(ledger.lines());
        lines.set(4, ledger.lines().get(6)); // community-b's and community-c's version 2 change places
        lines.set(6, ledger.lines().get(4));

        Report report = verify(lines, ledger.checkpoint(LOG_KEY, 10));

        assertThat(report.problems()).extracting(Problem::kind, Problem::location).containsExactly(
                tuple(Problem.Kind.POSITION_NOT_INCREASING, line(6, 7, "community-a", 3)),
                tuple(Problem.Kind.POSITION_NOT_INCREASING, line(7, 6, "community-b", 2)),
                tuple(Problem.Kind.CHECKPOINT_ROOT_MISMATCH, Location.Note.CHECKPOINT));
    }

    @Test
    void swappingTwoEventsOfOneCommunityBreaksItsChain() throws IOException {
        List<String> lines = new ArrayList<>(ledger.lines());
        lines.set(5, ledger.lines().get(7)); // community-a's versions 3 and 4
        lines.set(7, ledger.lines().get(5));

        Report report = verify(lines);

        assertThat(report.problems()).extracting(Problem::kind).contains(Problem.Kind.VERSION_SKIPPED,
                Problem.Kind.VERSION_REPEATED, Problem.Kind.POSITION_NOT_INCREASING);
    }

    @Test
    void anExportCutAtALineBoundaryLooksWholeAloneButNotAgainstACheckpointOfTheFullSize() throws IOException {
        List<String> cut = ledger.lines().subList(0, 8);

        assertThat(verify(cut).valid()).isTrue();
        Report report = verify(cut, ledger.checkpoint(LOG_KEY, 10));

        assertThat(report.problems()).extracting(Problem::kind, Problem::location)
                .containsExactly(tuple(Problem.Kind.CHECKPOINT_BEYOND_EXPORT, Location.Note.CHECKPOINT));
        assertThat(report.problems().get(0).detail()).startsWith("it counts 10 events, the export holds 8");
    }

    @Test
    void aFileCutInTheMiddleOfALineIsAMalformedLastLine() throws IOException {
        String whole = String.join("\n", ledger.lines()) + "\n";
        String cut = whole.substring(0, whole.length() - 40);

        Report report = OfflineVerifier.verify(TestLedger.write(directory, cut),
                Optional.of(ledger.checkpoint(LOG_KEY, 10)), Optional.of(LOG_KEY.verifier()), Optional.empty());

        assertThat(report.problems()).extracting(Problem::kind, Problem::location).containsExactly(
                tuple(Problem.Kind.LINE_MALFORMED, line(10, 12, "community-c", 3)),
                tuple(Problem.Kind.CHECKPOINT_ROOT_UNREADABLE, Location.Note.CHECKPOINT));
        assertThat(report.problems().get(0).detail()).startsWith("the export ends inside this line, which was cut off");
        assertThat(report.rootHash()).isEmpty();
    }

    @Test
    void aLastLineWithoutItsNewlineIsStillWhole() throws IOException {
        Report report = OfflineVerifier.verify(TestLedger.write(directory, String.join("\n", ledger.lines())),
                Optional.of(ledger.checkpoint(LOG_KEY, 10)), Optional.of(LOG_KEY.verifier()), Optional.empty());

        assertThat(report.problems()).isEmpty();
    }

    @Test
    void aCheckpointSignedWithAnotherKeyNamesThatKey() throws IOException {
        NoteSigner other = NoteSigner.generate("community-ledger.test");

        Report report = verify(ledger.lines(), ledger.checkpoint(other, 10));

        assertThat(report.problems()).extracting(Problem::kind, Problem::location)
                .containsExactly(tuple(Problem.Kind.CHECKPOINT_NOT_SIGNED_BY_KEY, Location.Note.CHECKPOINT));
        assertThat(report.problems().get(0).detail())
                .contains(String.format("no signature by community-ledger.test+%08x", LOG_KEY.keyId()))
                .contains(String.format("signed by community-ledger.test+%08x", other.keyId()));
        assertThat(report.checkpoint()).isEmpty();
    }

    @Test
    void aCheckpointWhoseRootWasAlteredFailsItsSignature() throws IOException {
        String signed = ledger.checkpoint(LOG_KEY, 10);
        String[] noteLines = signed.split("\n", -1);
        byte[] root = Base64.getDecoder().decode(noteLines[2]);
        root[0] ^= 1;
        noteLines[2] = Base64.getEncoder().encodeToString(root);

        Report report = verify(ledger.lines(), String.join("\n", noteLines));

        assertThat(report.problems()).extracting(Problem::kind, Problem::location)
                .containsExactly(tuple(Problem.Kind.CHECKPOINT_SIGNATURE_INVALID, Location.Note.CHECKPOINT));
    }

    @Test
    void aCheckpointOfAnotherLogSignedByTheKeyIsRefused() throws IOException {
        String otherLog = new Checkpoint("another-log", 10, new byte[32]).sign(LOG_KEY).format();

        Report report = verify(ledger.lines(), otherLog);

        assertThat(report.problems()).extracting(Problem::kind)
                .containsExactly(Problem.Kind.CHECKPOINT_ORIGIN_MISMATCH);
    }

    @Test
    void textThatIsNoCheckpointIsMalformed() throws IOException {
        Report report = verify(ledger.lines(), "community-ledger.test\n10\n");

        assertThat(report.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.CHECKPOINT_MALFORMED);
    }

    @Test
    void anEventAlteredAndSealedAgainWithEveryLaterOneKeepsItsChainButNotTheCheckpointsRoot() throws IOException {
        String checkpoint = ledger.checkpoint(LOG_KEY, 10);
        ledger.events().get(3).principal = "mallory";
        ledger.events().get(3).payload = "{\"memberId\":\"m-666\",\"role\":\"MEMBER\"}";

        Report report = verify(ledger.lines(), checkpoint);

        assertThat(report.problems()).extracting(Problem::kind)
                .containsExactly(Problem.Kind.CHECKPOINT_ROOT_MISMATCH);
        assertThat(report.problems().get(0).detail()).startsWith("the export's first 10 events give the root ");
    }

    @Test
    void anExportThatDoesNotExtendThePreviousCheckpointFailsThoughItsOwnCheckpointHolds() throws IOException {
        String previous = ledger.checkpoint(LOG_KEY, 6);
        ledger.events().get(4).payload = "{\"memberId\":\"m-2\",\"role\":\"MEMBER\"}"; // community-b, before 6
        String rewrittenAndSigned = ledger.checkpoint(LOG_KEY, 10);

        Report report = verify(ledger.lines(), rewrittenAndSigned, previous);

        assertThat(report.problems()).extracting(Problem::kind, Problem::location).containsExactly(
                tuple(Problem.Kind.CHECKPOINT_ROOT_MISMATCH, Location.Note.PREVIOUS_CHECKPOINT));
        assertThat(report.problems().get(0).detail()).contains("the export does not extend it");
    }

    @Test
    void aPreviousCheckpointLargerThanTheCurrentOneMeansTheLogWentBack() throws IOException {
        List<String> lines = ledger.lines();

        Report report = verify(lines, ledger.checkpoint(LOG_KEY, 6), ledger.checkpoint(LOG_KEY, 8));

        assertThat(report.problems()).extracting(Problem::kind)
                .containsExactly(Problem.Kind.CHECKPOINT_BEYOND_CURRENT);
    }

    @Test
    void metadataWrittenAsAStringIsAProblemOfThatEventAndLeavesTheRootUnreadable() throws IOException {
        List<String> lines = new ArrayList<>(ledger.lines());
        String line = lines.get(4);
        int start = line.indexOf("\"metadata\":") + "\"metadata\":".length();
        int end = line.indexOf(",\"payload\":");
        lines.set(4, line.substring(0, start) + TestLedger.quoted("{\"principal\":\"mallory\"") + line.substring(end));

        Report report = verify(lines, ledger.checkpoint(LOG_KEY, 10), ledger.checkpoint(LOG_KEY, 4));

        assertThat(report.problems()).extracting(Problem::kind, Problem::location).containsExactly(
                tuple(Problem.Kind.METADATA_NOT_AN_OBJECT, line(5, 6, "community-b", 2)),
                tuple(Problem.Kind.CHECKPOINT_ROOT_UNREADABLE, Location.Note.CHECKPOINT));
        assertThat(report.events()).isEqualTo(9);
    }

    @Test
    void aPrevHashThatIsNotThePreviousEventsHashIsABrokenLink() throws IOException {
        String bHead = ledger.hashes().get(1);
        List<String> lines = TestLedger.edited(ledger.lines(), 4, "\"prevHash\":\"" + bHead,
                "\"prevHash\":\"" + "1".repeat(64));

        Report report = verify(lines);

        assertThat(report.problems()).extracting(Problem::kind).containsExactly(
                Problem.Kind.PREVIOUS_HASH_MISMATCH, Problem.Kind.HASH_MISMATCH);
        assertThat(report.problems().get(0).detail()).contains("is not the hash " + bHead + " of version 1 (line 2)");
    }

    @Test
    void aFirstEventWhosePrevHashIsNotZerosIsABrokenLink() throws IOException {
        TestLedger late = new TestLedger();
        late.append(TestLedger.Seal.V2, "community-a", "MemberJoined", "{}");
        List<String> lines = TestLedger.edited(late.lines(), 0, TestLedger.GENESIS, "2".repeat(64));

        assertThat(verify(lines).problems()).extracting(Problem::kind).contains(Problem.Kind.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void aV1SealAfterAV2SealInOneCommunityIsADowngrade() throws IOException {
        ledger.append(TestLedger.Seal.V1, "community-a", "MemberJoined", "{\"memberId\":\"m-6\"}");

        Report report = verify(ledger.lines());

        assertThat(report.problems()).extracting(Problem::kind, Problem::location)
                .containsExactly(tuple(Problem.Kind.SEAL_DOWNGRADED, line(11, 13, "community-a", 5)));
    }

    @Test
    void aRepeatedLineIsOutOfOrderAndARepeatedVersion() throws IOException {
        List<String> lines = new ArrayList<>(ledger.lines());
        lines.add(8, lines.get(7));

        Report report = verify(lines);

        assertThat(report.problems()).extracting(Problem::kind, Problem::location).containsExactly(
                tuple(Problem.Kind.POSITION_NOT_INCREASING, line(9, 10, "community-a", 4)),
                tuple(Problem.Kind.VERSION_REPEATED, line(9, 10, "community-a", 4)));
    }

    static Stream<Arguments> malformedLines() {
        return Stream.of(
                Arguments.of("not JSON", "position 1", "not well-formed JSON"),
                Arguments.of("an array", "[1,2]", "not a JSON object"),
                Arguments.of("a missing field", "{\"position\":1,\"communityId\":\"community-a\",\"version\":1}",
                        "the field eventId is missing"),
                Arguments.of("trailing text", null, "more follows the event's object"),
                Arguments.of("a field twice", null, "the field communityId appears twice"),
                Arguments.of("a hash in capitals", null, "metadata.hash is not 64 lowercase hex digits"),
                Arguments.of("a position as a string", null, "position is a string, not an integer"),
                Arguments.of("an unknown hash version", null, "metadata.hashVersion ledger-chain-v9"));
    }

    @ParameterizedTest(name = "{0} is named at its line")
    @MethodSource("malformedLines")
    void aLineThatIsNoEventOfTheExportIsMalformed(String what, String replacement, String reason) throws IOException {
        List<String> lines = new ArrayList<>(ledger.lines());
        String first = lines.get(0);
        String hash = ledger.hashes().get(0);
        lines.set(0, switch (what) {
            case "trailing text" -> first + " {}";
            case "a field twice" -> first.replace(",\"version\":1,", ",\"communityId\":\"community-z\",\"version\":1,");
            case "a hash in capitals" -> first.replace(hash, hash.toUpperCase());
            case "a position as a string" -> first.replace("\"position\":1,", "\"position\":\"1\",");
            case "an unknown hash version" ->
                    first.replace("\"hash\":", "\"hashVersion\":\"ledger-chain-v9\",\"hash\":");
            default -> replacement;
        });

        Report report = verify(lines);

        assertThat(report.problems()).isNotEmpty();
        assertThat(report.problems().get(0).location()).isInstanceOf(Location.Line.class)
                .extracting(location -> ((Location.Line) location).number()).isEqualTo(1L);
        assertThat(report.problems().get(0).detail()).contains(reason);
    }

    @Test
    void anEmptyLineIsAProblemButNoLeaf() throws IOException {
        List<String> lines = new ArrayList<>(ledger.lines());
        lines.add(3, "");

        Report report = verify(lines);

        Location.Line emptyLine = new Location.Line(4, OptionalLong.empty(), Optional.empty(), OptionalLong.empty());
        assertThat(report.problems()).extracting(Problem::kind, Problem::location)
                .containsExactly(tuple(Problem.Kind.LINE_MALFORMED, emptyLine));
        assertThat(report.treeSize()).isEqualTo(10);
    }

    @Test
    void beyondAThousandProblemsTheRestAreCountedAndTheCheckpointsStillListed() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1_005; i++) {
            lines.add("not an event " + i);
        }

        Report report = verify(lines, ledger.checkpoint(LOG_KEY, 10));

        assertThat(report.problemCount()).isEqualTo(1_006);
        assertThat(report.problems()).hasSize(1_001);
        assertThat(report.unlistedProblems()).isEqualTo(5);
        assertThat(report.hasProblemsAt(Location.Note.CHECKPOINT)).isTrue();
    }

    @Test
    void aCheckpointIsNotCheckedWithoutTheKey() {
        assertThatThrownBy(() -> OfflineVerifier.verify(new ByteArrayInputStream(new byte[0]),
                Optional.of(ledger.checkpoint(LOG_KEY, 0)), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAStreamAsWellAsAFile() throws IOException {
        byte[] export = (String.join("\n", ledger.lines()) + "\n").getBytes(StandardCharsets.UTF_8);

        Report report = OfflineVerifier.verify(new ByteArrayInputStream(export), Optional.empty(), Optional.empty(),
                Optional.empty());

        assertThat(report.valid()).isTrue();
        assertThat(report.events()).isEqualTo(10);
    }
}
