// The second build's check finds settings, inventory and class path as the first one's successful check left them.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Genja check: settings, inventory and class path unchanged since the last successful check; skipped')
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')
assert new File(basedir, 'target/genja/check.stamp').isFile()
