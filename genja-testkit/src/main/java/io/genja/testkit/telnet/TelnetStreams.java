package io.genja.testkit.telnet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Set;

/**
 * The server's side of the Telnet protocol (RFC 854) on one connection, as little of it as a device needs: the data
 * read with commands taken out and options negotiated, the data written with {@code IAC} escaped. The server offers
 * two options, {@code ECHO} (it echoes what the client types, and so can leave out the password) and
 * {@code SUPPRESS-GO-AHEAD}; it refuses every option the client offers or asks for. Replies are sent only when a
 * state changes, so two sides never negotiate in a loop (RFC 1143).
 */
final class TelnetStreams {

    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int SE = 240;

    /** The options the server itself may enable. */
    enum Option {
        ECHO(1), SUPPRESS_GO_AHEAD(3);

        final int code;

        Option(int code) {
            this.code = code;
        }

        static Option of(int code) {
            for (Option option : values()) {
                if (option.code == code) {
                    return option;
                }
            }
            return null;
        }
    }

    private final OutputStream raw;
    /** Options the server offered (WILL) and the client has not refused; guarded by {@code this}. */
    private final Set<Option> enabled = EnumSet.noneOf(Option.class);
    /** Options the server offered and the client has agreed to (DO); guarded by {@code this}. */
    private final Set<Option> agreed = EnumSet.noneOf(Option.class);
    private final InputStream in;
    private final OutputStream out;

    TelnetStreams(InputStream socketIn, OutputStream socketOut) {
        this.raw = socketOut;
        this.in = new Commands(socketIn);
        this.out = new Escaping();
    }

    /** Offers the server's options; the client's answers arrive with the data. */
    synchronized void offer() throws IOException {
        for (Option option : Option.values()) {
            enabled.add(option);
            raw.write(new byte[] {(byte) IAC, (byte) WILL, (byte) option.code});
        }
        raw.flush();
    }

    /** Whether the client agreed that the server echoes: then the server echoes, except a password. */
    synchronized boolean serverEchoes() {
        return agreed.contains(Option.ECHO);
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    private synchronized void negotiate(int verb, int code) throws IOException {
        Option option = Option.of(code);
        switch (verb) {
            case DO -> {
                if (option != null && enabled.contains(option)) {
                    agreed.add(option); // the answer to our WILL: no reply
                } else {
                    reply(WONT, code); // an option the server does not have
                }
            }
            case DONT -> {
                if (option != null && enabled.remove(option)) {
                    agreed.remove(option);
                    reply(WONT, code); // acknowledges the change
                }
            }
            case WILL -> reply(DONT, code); // the server wants nothing from the client
            default -> {
                // WONT: the client's options are off already
            }
        }
    }

    private void reply(int verb, int code) throws IOException {
        raw.write(new byte[] {(byte) IAC, (byte) verb, (byte) code});
        raw.flush();
    }

    /** The data the client sent: commands negotiated and taken out, {@code IAC IAC} as one 255, a line end
     * ({@code CR LF}, {@code CR NUL}) as one CR. */
    private final class Commands extends FilterInputStream {

        private enum State { DATA, CR, IAC, OPTION, SUBNEGOTIATION, SUBNEGOTIATION_IAC }

        private State state = State.DATA;
        private int verb;

        Commands(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            while (true) {
                int b = super.read();
                if (b < 0) {
                    return b;
                }
                int data = accept(b);
                if (data >= 0) {
                    return data;
                }
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int first = read();
            if (first < 0) {
                return -1;
            }
            buffer[offset] = (byte) first;
            int count = 1;
            while (count < length && super.available() > 0) {
                int data = accept(super.read());
                if (data >= 0) {
                    buffer[offset + count++] = (byte) data;
                }
            }
            return count;
        }

        @Override
        public int available() throws IOException {
            return state == State.DATA ? super.available() : 0; // an upper bound is all a caller may count on
        }

        @Override
        public long skip(long n) {
            return 0; // never skips commands unread
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** Takes one byte from the wire; returns the data byte it is, or -1 when it is (part of) a command. */
        private int accept(int b) throws IOException {
            switch (state) {
                case CR:
                    state = State.DATA;
                    if (b == 0 || b == '\n') {
                        return -1; // CR NUL and CR LF both end a line: one CR says so
                    }
                    return accept(b);
                case IAC:
                    state = State.DATA;
                    if (b == IAC) {
                        return IAC;
                    }
                    if (b == WILL || b == WONT || b == DO || b == DONT) {
                        verb = b;
                        state = State.OPTION;
                    } else if (b == SB) {
                        state = State.SUBNEGOTIATION;
                    }
                    return -1; // NOP, GA, AYT and the other commands mean nothing to a device's CLI
                case OPTION:
                    state = State.DATA;
                    negotiate(verb, b);
                    return -1;
                case SUBNEGOTIATION:
                    if (b == IAC) {
                        state = State.SUBNEGOTIATION_IAC;
                    }
                    return -1;
                case SUBNEGOTIATION_IAC:
                    state = b == SE ? State.DATA : State.SUBNEGOTIATION;
                    return -1;
                default:
                    if (b == IAC) {
                        state = State.IAC;
                        return -1;
                    }
                    if (b == '\r') {
                        state = State.CR;
                    }
                    return b;
            }
        }
    }

    /** What the server writes: a data byte 255 doubled, as the protocol needs. */
    private final class Escaping extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            synchronized (TelnetStreams.this) { // not in the middle of a negotiation reply
                int start = offset;
                for (int i = offset; i < offset + length; i++) {
                    if ((bytes[i] & 0xff) == IAC) {
                        raw.write(bytes, start, i + 1 - start);
                        raw.write(IAC);
                        start = i + 1;
                    }
                }
                raw.write(bytes, start, offset + length - start);
            }
        }

        @Override
        public void flush() throws IOException {
            raw.flush();
        }
    }
}
