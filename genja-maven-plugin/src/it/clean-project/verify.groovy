// The check passes without a warning and the catalog goal documents the one task.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /\[INFO\] Genja check: \S+config\.yaml and its inventory are ok\r?\n/
assert !log.contains('[WARNING] /')
assert log.contains('[INFO] Genja catalog: 1 task written to ')

def markdown = new File(basedir, 'target/genja/tasks.md').text
assert markdown.startsWith('# Tasks of clean-project\n')
assert markdown.contains('| [`save_config`](#save_config) | `ssh` | Saves the running configuration of each device. |')
assert markdown.contains('| `directory` | `String` | yes | where backups go |')
assert markdown.contains('genja run save_config -o directory=<String>')

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/genja/tasks.json'))
assert json.tasks*.name == ['save_config']
assert json.tasks[0].connectionPlugin == 'ssh'
assert json.tasks[0].options*.name == ['directory']
assert new File(basedir, 'target/genja/check.stamp').isFile()
