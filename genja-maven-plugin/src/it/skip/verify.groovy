// A project with an unknown platform and an unknown group builds: -Dgenja.skip skips the check.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Genja check skipped (genja.skip)')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/genja/check.stamp').exists()
