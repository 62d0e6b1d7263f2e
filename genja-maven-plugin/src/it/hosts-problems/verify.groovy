// Problems found on the loaded inventory point at the line that causes them: an unknown platform where the group
// sets it (once, naming its hosts), a refused secret file reference; a secret missing here is only a warning.
def log = new File(basedir, 'build.log').text
def dir = log.contains(basedir.canonicalPath + '/config.yaml') ? basedir.canonicalPath : basedir.absolutePath

def errors = [
    "[ERROR] ${dir}/hosts.yaml:[9,13] cannot resolve the secret \${file:../outside.secret} in password: the path leaves the secrets directory ${dir} (through ..); secret files must be inside it (1 host: r3)",
    "[ERROR] ${dir}/groups.yaml:[2,13] ssh: platform \"cisco_iox\" has no ssh platform profile (did you mean \"cisco_ios\"?); known: arista_eos, cisco_ios, cisco_iosxe, cisco_iosxr, cisco_nxos, juniper_junos, linux. Add one with extras.platform_profile, or set extras.mode (exec or shell) to run without one (2 hosts: r1, r2)",
]*.toString()
def warnings = [
    "[WARNING] ${dir}/defaults.yaml:[2,11] cannot resolve the secret \${env:LAB_PASSWORD_NOT_SET} in password: the environment variable LAB_PASSWORD_NOT_SET is not set (2 hosts: r1, r2)",
]*.toString()
assert log.readLines().findAll { it.startsWith("[ERROR] ${dir}/") } == errors
assert log.readLines().findAll { it.startsWith("[WARNING] ${dir}/") } == warnings
assert log.contains('Genja check found 2 problems in config.yaml, the inventory and the task catalog')
assert log.contains('BUILD FAILURE')
