package org.communityledger.proofs.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A note as written: its text and its signature lines, <em>not verified</em>. {@link #parse} checks only the
 * syntax; what a note says counts only after {@link Notes#open} has verified it.
 *
 * <pre>
 * &lt;text, ending in a newline&gt;
 * &lt;blank line&gt;
 * — &lt;key name&gt; &lt;base64(key id ‖ signature)&gt;
 * ...
 * </pre>
 *
 * @param text       the note text, with its final newline, without the blank line
 * @param signatures the signature lines in order, at least one
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** More signatures than this make a note malformed (c2sp.org/signed-note asks for at least 16). */
    public static final int MAX_SIGNATURES = 100;

    public SignedNote {
        checkText(text);
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
            throw NoteException.malformed("a note has 1 to " + MAX_SIGNATURES + " signatures, not " + signatures.size());
        }
    }

    /**
     * Reads a note from its bytes. Refuses invalid UTF-8, control characters other than newline, a text that
     * does not end in a newline, no blank line, no signature line or more than {@value #MAX_SIGNATURES}, and any
     * line after the blank line that is not a signature in canonical form.
     */
    public static SignedNote parse(byte[] note) {
        Objects.requireNonNull(note, "note");
        try {
            return parse(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(note))
                    .toString());
        } catch (CharacterCodingException e) {
            throw NoteException.malformed("a note is UTF-8");
        }
    }

    /** Reads a note from its text; see {@link #parse(byte[])}. */
    public static SignedNote parse(String note) {
        Objects.requireNonNull(note, "note");
        checkCharacters(note);
        // The text ends at the last blank line: signature lines are never blank.
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0) {
            throw NoteException.malformed("a note has a blank line before its signatures");
        }
        String text = note.substring(0, blank + 1);
        String block = note.substring(blank + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw NoteException.malformed("a note ends with signature lines, each ending in a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int start = 0;
        while (start < block.length()) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw NoteException.malformed("a note has at most " + MAX_SIGNATURES + " signatures");
            }
            int end = block.indexOf('\n', start);
            signatures.add(NoteSignature.parseLine(block.substring(start, end)));
            start = end + 1;
        }
        return new SignedNote(text, signatures);
    }

    /** The note as written: text, blank line, signature lines. */
    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.line()));
        return note.toString();
    }

    /** {@link #format()} in UTF-8. */
    public byte[] bytes() {
        return format().getBytes(StandardCharsets.UTF_8);
    }

    /** Throws unless this is a valid note text: UTF-8, no control character but newline, ending in one. */
    static void checkText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw NoteException.malformed("a note text ends in a newline");
        }
        checkCharacters(text);
    }

    private static void checkCharacters(String text) {
        if (!NoteFormat.isWellFormed(text)) {
            throw NoteException.malformed("a note is UTF-8 (no lone surrogate)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw NoteException.malformed("a note has no control characters but newlines");
            }
        }
    }
}
