// Nine mistakes of different kinds in settings and inventory, every one reported by the one build, on its line.
def log = new File(basedir, 'build.log').text
// the project directory as Maven names it (canonical or not, whichever the log shows)
def dir = log.contains(basedir.canonicalPath + '/config.yaml') ? basedir.canonicalPath : basedir.absolutePath

def expected = [
    "[ERROR] ${dir}/config.yaml:[7,11] runner.plugin must be one of async, serial, threaded, not \"threadd\"; did you mean \"threaded\"?",
    "[ERROR] ${dir}/config.yaml:[8,3] unknown key \"runner.worker_cont\"; did you mean \"worker_count\"? (known in runner: plugin, worker_count, options, max_task_depth)",
    "[ERROR] ${dir}/config.yaml:[10,12] logging.enabled must be true or false, not the string \"maybe\"",
    "[ERROR] ${dir}/config.yaml:[11,1] unknown section \"shh\"; did you mean \"ssh\"? (known: core, inventory, runner, rollout, logging, parsing; connection plugins: ssh)",
    "[ERROR] ${dir}/hosts.yaml:[3,9] port of host \"r1\" must be an integer, not the string \"twenty-two\"",
    "[ERROR] ${dir}/hosts.yaml:[4,18] host \"r1\" lists group \"edgee\", which is not defined in groups.yaml; did you mean \"edge\"?",
    "[ERROR] ${dir}/hosts.yaml:[6,3] unknown field \"hostnmae\" in host \"r2\"; did you mean \"hostname\"? (known: hostname, port, username, password, platform, groups, data, connection_options)",
    "[ERROR] ${dir}/hosts.yaml:[8,5] connection_options of host \"r2\" are for connection plugin \"netconf\", which is not registered (registered: ssh); no run would use them",
    "[ERROR] ${dir}/groups.yaml:[4,5] connection_options of group \"core\" are for connection plugin \"shh\", which is not registered; did you mean \"ssh\"? (registered: ssh); no run would use them",
]*.toString()
def reported = log.readLines().findAll { it.startsWith("[ERROR] ${dir}/") }
assert reported == expected

assert log.contains('Genja check found 9 problems in config.yaml, the inventory and the task catalog (see the [ERROR] lines above)')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/genja/check.stamp').exists()
