// Command bench measures shutdownlint against go vet on the same packages in
// the same run (make bench): wall time and peak memory, in both modes
// (standalone, and as a go vet tool), on the standard library and on the
// real modules of realworld/modules.txt marked "bench". It prints a Markdown
// table with the ratios to x/tools' vet suite run by the same driver, the
// floor (the same driver with no analyzer: loading and type-checking only),
// and the cost per thousand lines.
//
//	go run ./internal/cmd/bench [-runs 3] [-targets std,small,medium,large] [-modes vettool,standalone]
//
// Every go vet run changes an analyzer flag (a nonce) so that go vet's
// result cache never answers; the build cache stays warm, as in CI.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

var (
	runs     = flag.Int("runs", 3, "measurements per configuration (the median is reported)")
	targets  = flag.String("targets", "std,small,medium,large", "what to measure: std and the sizes of realworld/modules.txt's bench modules")
	modes    = flag.String("modes", "vettool,standalone", "driver modes to measure")
	workdir  = flag.String("work", filepath.Join(os.TempDir(), "shutdownlint-bench"), "where tools are built and modules fetched")
	outFile  = flag.String("o", "", "also write the table to this file")
	skipBase = flag.Bool("skip-standalone-baseline", false, "skip x/tools' standalone driver runs (they need several GB on big modules)")
)

// A target is a set of packages to analyse.
type target struct {
	name    string // "std" or module@version
	size    string
	dir     string
	pattern string
	lines   int
}

// A config is one tool in one mode.
type config struct {
	mode  string // vettool or standalone
	label string
	cmd   func(t target, nonce string) *exec.Cmd
}

type sample struct {
	wall          time.Duration
	peakProc      int64 // KiB, the largest single process
	peakTree      int64 // KiB, the whole process tree at its largest
	failed        bool
	failureDetail string
}

func main() {
	flag.Parse()
	// Some modules ship a go.work naming directories their module zip lacks.
	check(os.Setenv("GOWORK", "off"))
	root, err := os.Getwd()
	check(err)
	check(os.MkdirAll(*workdir, 0o755))
	shutdownlint := filepath.Join(*workdir, "shutdownlint")
	benchtool := filepath.Join(*workdir, "benchtool")
	build(root, shutdownlint, "./cmd/shutdownlint")
	build(root, benchtool, "./internal/cmd/benchtool")

	var ts []target
	for _, name := range strings.Split(*targets, ",") {
		ts = append(ts, resolveTarget(root, name))
	}
	configs := allConfigs(shutdownlint, benchtool)
	var rows []row
	for _, t := range ts {
		fmt.Fprintf(os.Stderr, "== %s (%s, %d lines)\n", t.name, t.pattern, t.lines)
		// Warm the build cache (cgo, go list) once, outside the measurements.
		warm := exec.Command("go", "list", "-deps", "-test", t.pattern)
		warm.Dir = t.dir
		_ = warm.Run()
		for _, c := range configs {
			if !slices.Contains(strings.Split(*modes, ","), c.mode) {
				continue
			}
			if *skipBase && c.mode == "standalone" && c.label != "shutdownlint" {
				continue
			}
			var samples []sample
			for i := range *runs {
				nonce := strconv.FormatInt(time.Now().UnixNano(), 36) + strconv.Itoa(i)
				s := measure(c.cmd(t, nonce), t.dir)
				fmt.Fprintf(os.Stderr, "   %-10s %-26s run %d: %6.1fs  proc %5d MB  tree %5d MB%s\n",
					c.mode, c.label, i+1, s.wall.Seconds(), s.peakProc/1024, s.peakTree/1024, failNote(s))
				samples = append(samples, s)
			}
			rows = append(rows, row{t, c, median(samples)})
		}
	}
	table := render(rows)
	fmt.Print(table)
	if *outFile != "" {
		check(os.WriteFile(*outFile, []byte(table), 0o644))
	}
}

func failNote(s sample) string {
	if s.failed {
		return "  (failed: " + s.failureDetail + ")"
	}
	return ""
}

func allConfigs(shutdownlint, benchtool string) []config {
	govet := func(tool string, env []string, flags ...string) func(target, string) *exec.Cmd {
		return func(t target, nonce string) *exec.Cmd {
			args := []string{"vet", "-vettool=" + tool}
			for _, f := range flags {
				args = append(args, strings.ReplaceAll(f, "NONCE", nonce))
			}
			cmd := exec.Command("go", append(args, t.pattern)...)
			cmd.Env = append(os.Environ(), env...)
			return cmd
		}
	}
	standalone := func(tool string, env []string, flags ...string) func(target, string) *exec.Cmd {
		return func(t target, nonce string) *exec.Cmd {
			var args []string
			for _, f := range flags {
				args = append(args, strings.ReplaceAll(f, "NONCE", nonce))
			}
			cmd := exec.Command(tool, append(args, t.pattern)...)
			cmd.Env = append(os.Environ(), env...)
			return cmd
		}
	}
	plainVet := func(t target, nonce string) *exec.Cmd {
		return exec.Command("go", "vet", "-printf.funcs="+nonce, t.pattern)
	}
	return []config{
		{"vettool", "go vet (its default analyzers)", plainVet},
		{"vettool", "shutdownlint (+vet suite)", govet(shutdownlint, nil, "-printf.funcs=NONCE")},
		{"vettool", "vet suite", govet(benchtool, []string{"BENCHTOOL_SUITE=vet"}, "-nonce.n=NONCE")},
		{"vettool", "floor (no analyzer)", govet(benchtool, []string{"BENCHTOOL_SUITE=none"}, "-nonce.n=NONCE")},
		{"standalone", "shutdownlint", standalone(shutdownlint, nil, "-printf.funcs=NONCE")},
		{"standalone", "vet suite (x/tools checker)", standalone(benchtool, []string{"BENCHTOOL_SUITE=vet"})},
		{"standalone", "floor (x/tools checker)", standalone(benchtool, []string{"BENCHTOOL_SUITE=none"})},
	}
}

func build(root, out, pkg string) {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = root
	cmd.Stderr = os.Stderr
	check(cmd.Run())
}

// resolveTarget returns std, or fetches the bench module of the given size.
func resolveTarget(root, name string) target {
	if name == "std" {
		goroot := strings.TrimSpace(output(root, "go", "env", "GOROOT"))
		return target{name: "std", size: "std", dir: *workdir, pattern: "std", lines: countLines(filepath.Join(goroot, "src"), true)}
	}
	data, err := os.ReadFile(filepath.Join(root, "realworld", "modules.txt"))
	check(err)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 3 || strings.HasPrefix(fields[0], "#") || fields[1] != name || !slices.Contains(fields[2:], "bench") {
			continue
		}
		dir := strings.TrimSpace(output(root, filepath.Join(root, "scripts", "fetch-module.sh"), fields[0], filepath.Join(*workdir, "modules")))
		return target{name: fields[0], size: name, dir: dir, pattern: "./...", lines: countLines(dir, false)}
	}
	fmt.Fprintf(os.Stderr, "bench: no module marked \"%s bench\" in realworld/modules.txt\n", name)
	os.Exit(1)
	return target{}
}

// countLines counts the lines of the .go files below dir, without testdata
// and vendor directories (and cmd/ for the standard library).
func countLines(dir string, std bool) int {
	n := 0
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			base := d.Name()
			if base == "testdata" || base == "vendor" || (std && path == filepath.Join(dir, "cmd")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") {
			if data, err := os.ReadFile(path); err == nil {
				n += strings.Count(string(data), "\n")
			}
		}
		return nil
	})
	return n
}

// measure runs cmd in dir and samples the memory of its process tree.
func measure(cmd *exec.Cmd, dir string) sample {
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stdout = nil
	cmd.Stderr = &limitedWriter{b: &stderr, n: 1 << 16}
	start := time.Now()
	check(cmd.Start())
	var peakTree int64
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if rss := treeRSS(cmd.Process.Pid); rss > peakTree {
					peakTree = rss
				}
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	s := sample{wall: time.Since(start), peakTree: peakTree}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.peakProc = ru.Maxrss // KiB on Linux: the largest process of the tree
	}
	if s.peakTree < s.peakProc {
		s.peakTree = s.peakProc // a process shorter than the sampling interval
	}
	out := stderr.String()
	if strings.Contains(out, "panic:") || strings.Contains(out, "fatal error:") || (err != nil && exitCode(err) != 1 && exitCode(err) != 3) {
		s.failed = true
		s.failureDetail = firstLine(out)
	}
	return s
}

func exitCode(err error) int {
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}

// treeRSS returns the resident memory, in KiB, of pid and its descendants.
func treeRSS(pid int) int64 {
	children := make(map[int][]int)
	rss := make(map[int]int64)
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ... ; comm may contain spaces.
		s := string(stat)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(fields) < 22 {
			continue
		}
		ppid, _ := strconv.Atoi(fields[1])
		pages, _ := strconv.ParseInt(fields[21], 10, 64)
		children[ppid] = append(children[ppid], p)
		rss[p] = pages * int64(os.Getpagesize()) / 1024
	}
	var total int64
	var walk func(p int)
	walk = func(p int) {
		total += rss[p]
		for _, c := range children[p] {
			walk(c)
		}
	}
	walk(pid)
	return total
}

func median(ss []sample) sample {
	sorted := slices.Clone(ss)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].wall < sorted[j].wall })
	m := sorted[len(sorted)/2]
	procs := make([]int64, len(ss))
	trees := make([]int64, len(ss))
	for i, s := range ss {
		procs[i], trees[i] = s.peakProc, s.peakTree
		m.failed = m.failed || s.failed
	}
	slices.Sort(procs)
	slices.Sort(trees)
	m.peakProc, m.peakTree = procs[len(procs)/2], trees[len(trees)/2]
	return m
}

type row struct {
	t target
	c config
	s sample
}

func render(rows []row) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Medians of %d runs; %s; go vet's result cache defeated by a flag nonce per run, build cache warm.\n\n", *runs, machine())
	b.WriteString("| Target | kLOC | Mode | Tool | Wall | ms/kLOC | Peak process | Peak tree | Wall vs vet suite | Peak process vs vet suite |\n")
	b.WriteString("|---|---:|---|---|---:|---:|---:|---:|---:|---:|\n")
	for i := range rows {
		r := &rows[i]
		var base *row
		for i := range rows {
			if rows[i].t.name == r.t.name && rows[i].c.mode == r.c.mode && strings.HasPrefix(rows[i].c.label, "vet suite") {
				base = &rows[i]
			}
		}
		ratio, memRatio := "", ""
		if base != nil && base.s.wall > 0 && !base.s.failed {
			ratio = fmt.Sprintf("%.2fx", r.s.wall.Seconds()/base.s.wall.Seconds())
			if base.s.peakProc > 0 {
				memRatio = fmt.Sprintf("%.2fx", float64(r.s.peakProc)/float64(base.s.peakProc))
			}
		}
		kloc := float64(r.t.lines) / 1000
		fail := ""
		if r.s.failed {
			fail = " (failed)"
		}
		fmt.Fprintf(&b, "| %s | %.0f | %s | %s%s | %.1fs | %.2f | %d MB | %d MB | %s | %s |\n",
			r.t.name, kloc, r.c.mode, r.c.label, fail, r.s.wall.Seconds(), float64(r.s.wall.Milliseconds())/kloc,
			r.s.peakProc/1024, r.s.peakTree/1024, ratio, memRatio)
	}
	return b.String()
}

func machine() string {
	goversion := strings.TrimSpace(output(".", "go", "env", "GOVERSION"))
	cpus := 0
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		cpus = strings.Count(string(data), "processor\t:")
	}
	return fmt.Sprintf("%s, %d CPUs", goversion, cpus)
}

func output(dir, name string, args ...string) string {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	check(err)
	return string(out)
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}

type limitedWriter struct {
	b *strings.Builder
	n int
}

func (w *limitedWriter) Write(p []byte) (int, error) {
	if w.b.Len() < w.n {
		w.b.Write(p[:min(len(p), w.n-w.b.Len())])
	}
	return len(p), nil
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
