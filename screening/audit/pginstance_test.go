package audit_test

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"
)

// pgInstance is a PostgreSQL server of the test's own, made with initdb in
// a temporary directory and listening on a free port of 127.0.0.1: a test
// may stop it with pg_ctl stop -m immediate (a crash: no shutdown
// checkpoint) without touching the machine's shared server.
type pgInstance struct {
	bin  string // the directory of initdb, pg_ctl and postgres
	data string
	log  string
	port int
	cred *syscall.Credential // run as postgres when the test runs as root
}

// newPGInstance makes and starts an instance, stopped when the test ends.
// It skips the test when no PostgreSQL server binaries are installed.
func newPGInstance(t *testing.T) *pgInstance {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		if p, err := exec.LookPath("initdb"); err == nil {
			bins = []string{p}
		}
	}
	if len(bins) == 0 {
		t.Skip("no initdb found (in /usr/lib/postgresql/*/bin or on PATH): install the PostgreSQL server package to run the crash test on an instance of its own")
	}
	slices.Sort(bins) // the newest version last (single-digit majors aside, good enough)
	p := &pgInstance{bin: filepath.Dir(bins[len(bins)-1])}
	dir := t.TempDir()
	p.data = filepath.Join(dir, "data")
	p.log = filepath.Join(dir, "postgres.log")
	sock := filepath.Join(dir, "sock")
	for _, d := range []string{p.data, sock} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if os.Geteuid() == 0 {
		// initdb refuses to run as root: run the instance as postgres,
		// owning its own directories.
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Skipf("running as root and there is no postgres user to run initdb as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		p.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		// The postgres user must reach the test's directory.
		for d := dir; d != os.TempDir() && d != "/" && d != "."; d = filepath.Dir(d) {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		for _, f := range []string{p.data, sock, dir} {
			if err := os.Chown(f, uid, gid); err != nil {
				t.Fatal(err)
			}
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.port = ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	p.run(t, "initdb", "-D", p.data, "-U", "root", "--auth=trust", "-E", "UTF8", "--no-sync")
	conf := fmt.Sprintf("port = %d\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nfsync = on\nsynchronous_commit = on\nmax_connections = 50\n", p.port, sock)
	f, err := os.OpenFile(filepath.Join(p.data, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(conf)
	f.Close()
	p.start(t)
	t.Cleanup(func() {
		p.runQuiet("pg_ctl", "-D", p.data, "stop", "-m", "immediate")
	})
	return p
}

func (p *pgInstance) dsn() string {
	return fmt.Sprintf("postgres://root@127.0.0.1:%d/postgres?sslmode=disable", p.port)
}

func (p *pgInstance) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(p.bin, name), args...)
	if p.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: p.cred}
	}
	return cmd
}

func (p *pgInstance) run(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := p.command(name, args...).CombinedOutput(); err != nil {
		log, _ := os.ReadFile(p.log)
		t.Fatalf("%s %v: %v\n%s\nserver log:\n%s", name, args, err, out, log)
	}
}

func (p *pgInstance) runQuiet(name string, args ...string) { p.command(name, args...).Run() }

// start starts the server and waits until it accepts connections.
func (p *pgInstance) start(t *testing.T) {
	t.Helper()
	p.run(t, "pg_ctl", "-D", p.data, "-l", p.log, "-w", "-t", "60", "start")
}

// crash stops the server as a crash would: pg_ctl stop -m immediate, no
// shutdown checkpoint; on restart it recovers from its write-ahead log.
func (p *pgInstance) crash(t *testing.T) {
	t.Helper()
	p.run(t, "pg_ctl", "-D", p.data, "-w", "stop", "-m", "immediate")
}
