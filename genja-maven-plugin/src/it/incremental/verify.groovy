// Two builds, one log: the first checks and records its inputs; the second finds settings, inventory and class path
// as the first one left them and skips.
def log = new File(basedir, 'build.log').text
def checked = log.readLines().findAll { it ==~ /\[INFO\] Genja check: \S+config\.yaml and its inventory are ok/ }
def skipped = '[INFO] Genja check: settings, inventory and class path unchanged since the last successful check; skipped'
assert checked.size() == 1
assert log.count(skipped) == 1
assert log.indexOf(checked[0]) < log.indexOf(skipped)
assert log.count('BUILD SUCCESS') == 2
assert new File(basedir, 'target/genja/check.stamp').readLines()*.replaceAll('^file .*/', 'file ')
        .take(2) == ['file config.yaml', 'file hosts.yaml']
