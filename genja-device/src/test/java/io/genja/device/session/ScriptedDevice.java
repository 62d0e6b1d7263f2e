package io.genja.device.session;

import io.genja.device.CliDriver;
import io.genja.device.CliRequest;
import io.genja.device.ConfigModel;
import io.genja.device.PlatformProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An in-memory device for the session logic's unit tests, played from its platform profile: the level samples as
 * prompts, the profile's configuration commands, an enable secret, a candidate, a checkpoint. It talks bytes with
 * a real {@link CliDriver}, so answers, expect patterns and prompt detection are exercised too. Any line containing
 * {@code bogus} is rejected with the profile's error sample.
 */
final class ScriptedDevice implements CliTransport {

    static final String SECRET = "s3cret!";

    final PlatformProfile profile;
    final ConfigModel model;
    final CliDriver driver;
    final Set<String> running = new LinkedHashSet<>();
    final Set<String> startup = new LinkedHashSet<>();
    final List<String> received = new ArrayList<>();
    Set<String> candidate = new LinkedHashSet<>();
    Set<String> checkpoint;
    String level;
    /** The answer the device waits for, if it asked a question. */
    private String asked;
    boolean pendingConfirm;

    ScriptedDevice(PlatformProfile profile, String loginLevel) {
        this.profile = profile;
        this.model = profile.config();
        this.driver = new CliDriver(profile);
        this.level = loginLevel;
        driver.begin((String) null);
        driver.receive(bytes("\r\n" + prompt()));
    }

    @Override
    public String send(CliRequest request) {
        byte[] out = driver.begin(request);
        String line = new String(out, StandardCharsets.UTF_8).stripTrailing();
        String reply = line + "\r\n" + answer(line);
        for (int round = 0; round < 10; round++) {
            CliDriver.Step step = driver.receive(bytes(reply));
            if (step instanceof CliDriver.Step.Done done) {
                return done.output();
            }
            if (step instanceof CliDriver.Step.Answer answer) {
                String text = new String(answer.response(), StandardCharsets.UTF_8).stripTrailing();
                reply = "\r\n" + answer(text);
            } else {
                throw new AssertionError("the driver waits after " + reply + ": " + step);
            }
        }
        throw new AssertionError("no end after 10 answers");
    }

    @Override
    public String lastPrompt() {
        return driver.lastPrompt();
    }

    String prompt() {
        return profile.privilege().level(level).map(PlatformProfile.Level::sample).orElseThrow()
                .replace("{host}", "r1").replace("{user}", "admin").replace("(config-s-genja)", "(config-s-x)");
    }

    private String answer(String line) {
        received.add(line);
        if (asked != null) {
            String question = asked;
            asked = null;
            return switch (question) {
                case "enable" -> {
                    if (line.equals(SECRET)) {
                        level = "privileged";
                        yield prompt();
                    }
                    yield "% Access denied\r\n" + prompt();
                }
                case "save" -> {
                    startup.clear();
                    startup.addAll(running);
                    yield "[OK]\r\n" + prompt();
                }
                case "reload" -> prompt();
                default -> throw new AssertionError(question);
            };
        }
        String filled = line.replaceAll("genja[0-9a-z]+", "NAME");
        if (line.equals("enable")) {
            asked = "enable";
            return "Password: ";
        }
        if (line.equals("reload")) {
            asked = "reload";
            return "Proceed with reload? [confirm]";
        }
        if (line.equals("slow")) {
            return "done\r\n" + prompt();
        }
        if (model.enter().stream().map(c -> c.replace("{session}", "NAME")).anyMatch(filled::equals)) {
            level = "config";
            candidate = new LinkedHashSet<>(running);
            return prompt();
        }
        if (filled.equals(model.exit())) {
            level = "privileged";
            return prompt();
        }
        if (filled.equals(model.abort())) {
            candidate = new LinkedHashSet<>(running);
            if (!profile.name().equals("juniper_junos")) {
                level = "privileged";
            }
            return prompt();
        }
        if (level.equals("config") && (filled.equals(model.commit()) || filled.equals(model.check())
                || filled.startsWith("commit confirmed") || filled.startsWith("commit timer"))) {
            if (!filled.equals(model.check())) {
                running.clear();
                running.addAll(candidate);
                pendingConfirm = !filled.equals(model.commit());
                if (profile.name().equals("arista_eos")) {
                    level = "privileged";
                }
            } else if (pendingConfirm && filled.equals(model.confirm())) {
                pendingConfirm = false;
            }
            return prompt();
        }
        if (model.confirm() != null && filled.equals(model.confirm().replace("{session}", "NAME"))) {
            pendingConfirm = false;
            return prompt();
        }
        if (model.diff() != null && filled.equals(model.diff().replace("{checkpoint}", "NAME"))) {
            StringBuilder diff = new StringBuilder();
            Set<String> base = checkpoint != null ? checkpoint : running;
            Set<String> now = checkpoint != null ? running : candidate;
            now.stream().filter(l -> !base.contains(l)).forEach(l -> diff.append("+ ").append(l).append("\r\n"));
            return diff + prompt();
        }
        if (model.checkpoint() != null && filled.equals(model.checkpoint().replace("{checkpoint}", "NAME"))) {
            checkpoint = new LinkedHashSet<>(running);
            return prompt();
        }
        if (model.rollbackCheckpoint() != null
                && filled.equals(model.rollbackCheckpoint().replace("{checkpoint}", "NAME"))) {
            running.clear();
            running.addAll(checkpoint);
            return prompt();
        }
        if (model.save() != null && filled.equals(model.save())) {
            if (model.prompts().isEmpty()) {
                startup.clear();
                startup.addAll(running);
                return prompt();
            }
            asked = "save";
            return "Destination filename [startup-config]? ";
        }
        if (filled.equals(model.showRunning())) {
            return String.join("\r\n", running) + "\r\n" + prompt();
        }
        if (level.equals("config")) {
            if (line.contains("bogus")) {
                return profile.samples().error().replace("{caret}", "   ^") .replace("\n", "\r\n") + "\r\n" + prompt();
            }
            if (model.kind() == ConfigModel.Kind.RUNNING || model.kind() == ConfigModel.Kind.CHECKPOINT) {
                running.add(line);
            } else {
                candidate.add(line);
            }
            return prompt();
        }
        return "output of " + line + "\r\n" + prompt();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
