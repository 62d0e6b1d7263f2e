package io.genja.ssh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;

/**
 * The algorithms a connection proposes: modern ones always; the legacy ones old devices still need only when
 * a host opts in ({@code extras.legacy_algorithms}), per category and after the modern ones, so a device that
 * speaks both still gets a modern one. "Legacy" is what today's OpenSSH client no longer offers by default.
 */
// MINA deprecates exactly the algorithms listed here; naming them is the point of the opt-in.
@SuppressWarnings("deprecation")
final class Algorithms {

    private static final List<BuiltinDHFactories> LEGACY_KEX = List.of(BuiltinDHFactories.dhg14,
            BuiltinDHFactories.dhgex, BuiltinDHFactories.dhg1);
    private static final List<BuiltinSignatures> LEGACY_HOST_KEY = List.of(BuiltinSignatures.rsa,
            BuiltinSignatures.rsa_cert, BuiltinSignatures.dsa, BuiltinSignatures.dsa_cert);
    private static final List<BuiltinCiphers> LEGACY_CIPHER = List.of(BuiltinCiphers.aes128cbc,
            BuiltinCiphers.aes192cbc, BuiltinCiphers.aes256cbc, BuiltinCiphers.tripledescbc,
            BuiltinCiphers.blowfishcbc, BuiltinCiphers.arcfour128, BuiltinCiphers.arcfour256);
    private static final List<BuiltinMacs> LEGACY_MAC = List.of(BuiltinMacs.hmacmd5, BuiltinMacs.hmacmd596,
            BuiltinMacs.hmacsha196);

    private Algorithms() {
    }

    /**
     * Removes the legacy algorithms from the client's defaults, and asks for Ed25519 host keys before ECDSA ones, as
     * OpenSSH (since 8.5) and paramiko do: a device's known_hosts line written by either is then the key it sends.
     */
    static void modernOnly(SshClient client) {
        client.setKeyExchangeFactories(without(client.getKeyExchangeFactories(), LEGACY_KEX));
        client.setSignatureFactories(ed25519First(without(client.getSignatureFactories(), LEGACY_HOST_KEY)));
        client.setCipherFactories(without(client.getCipherFactories(), LEGACY_CIPHER));
        client.setMacFactories(without(client.getMacFactories(), LEGACY_MAC));
    }

    /** Appends the legacy algorithms of {@code categories} to what {@code session} proposes. */
    static void addLegacy(Session session, Set<AlgorithmCategory> categories) {
        for (AlgorithmCategory category : categories) {
            switch (category) {
                case KEX -> session.setKeyExchangeFactories(with(session.getKeyExchangeFactories(),
                        NamedFactory.setUpTransformedFactories(true, LEGACY_KEX, ClientBuilder.DH2KEX)));
                case HOST_KEY -> session.setSignatureFactories(with(session.getSignatureFactories(),
                        supported(LEGACY_HOST_KEY)));
                case CIPHER -> session.setCipherFactories(with(session.getCipherFactories(), supported(LEGACY_CIPHER)));
                case MAC -> session.setMacFactories(with(session.getMacFactories(), supported(LEGACY_MAC)));
            }
        }
    }

    /**
     * Moves the host key algorithms whose key type {@code knownTypes} (the host's known_hosts lines) records to the
     * front, keeping the order within each part, as OpenSSH does: otherwise the server may pick a key of another
     * type, which the strict check cannot verify although the host is known.
     */
    static void preferKnownTypes(Session session, Set<String> knownTypes) {
        if (knownTypes.isEmpty()) {
            return;
        }
        List<NamedFactory<Signature>> known = new ArrayList<>();
        List<NamedFactory<Signature>> others = new ArrayList<>();
        for (NamedFactory<Signature> factory : session.getSignatureFactories()) {
            (knownTypes.contains(KeyUtils.getCanonicalKeyType(factory.getName())) ? known : others).add(factory);
        }
        known.addAll(others);
        session.setSignatureFactories(known);
    }

    /** Certificates first as before, and within each part Ed25519 before the rest (a stable sort keeps the rest's order). */
    private static <T extends NamedResource> List<T> ed25519First(List<T> factories) {
        Comparator<T> order = Comparator.comparing((T f) -> !f.getName().contains("-cert-"))
                .thenComparing(f -> !f.getName().startsWith(KeyPairProvider.SSH_ED25519));
        return factories.stream().sorted(order).toList();
    }

    private static <T extends NamedResource> List<T> without(List<T> factories, Collection<? extends NamedResource> legacy) {
        List<String> names = legacy.stream().map(NamedResource::getName).toList();
        return factories.stream().filter(f -> !names.contains(f.getName())).toList();
    }

    private static <T extends NamedResource> List<T> with(List<T> modern, List<? extends T> legacy) {
        List<T> all = new ArrayList<>(modern);
        for (T factory : legacy) {
            if (all.stream().noneMatch(f -> f.getName().equals(factory.getName()))) {
                all.add(factory);
            }
        }
        return all;
    }

    private static <T, B extends NamedFactory<T> & org.apache.sshd.common.OptionalFeature> List<NamedFactory<T>> supported(List<B> builtins) {
        Function<B, NamedFactory<T>> identity = b -> b;
        return builtins.stream().filter(org.apache.sshd.common.OptionalFeature::isSupported).map(identity).toList();
    }

    /** The names of the legacy algorithms of one category, for documentation and messages. */
    static List<String> legacyNames(AlgorithmCategory category) {
        List<? extends NamedResource> list = switch (category) {
            case KEX -> LEGACY_KEX;
            case HOST_KEY -> LEGACY_HOST_KEY;
            case CIPHER -> LEGACY_CIPHER;
            case MAC -> LEGACY_MAC;
        };
        return list.stream().map(NamedResource::getName).toList();
    }
}
