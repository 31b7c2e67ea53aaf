"""make_article.py as a command: where it writes, what it writes, and what it does on trouble."""

import os
import resource
import stat
import subprocess
import sys
import threading

from tests.support import HANG, ORIGINAL, PROJECT, RepoCopyTestCase


def with_umask(mask: int):
    """A preexec_fn that sets the child's umask."""
    return lambda: os.umask(mask)


class Writing(RepoCopyTestCase):
    def test_default_target_is_beside_the_script_from_any_folder(self) -> None:
        os.remove(self.path("ar_news.txt"))
        os.mkdir(self.path("elsewhere"))
        result = self.run_script(
            "make_article.py", cwd=self.path("elsewhere"), preexec_fn=with_umask(0o022)
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.read("ar_news.txt"), ORIGINAL)
        self.assertEqual(os.listdir(self.path("elsewhere")), [])
        self.assertEqual(stat.S_IMODE(os.stat(self.path("ar_news.txt")).st_mode), 0o644)
        self.assertEqual(len(result.stderr.splitlines()), 1)
        self.assertIn(b"wrote 7165 bytes", result.stderr)
        self.assertEqual(result.stdout, b"")

    def test_new_file_gets_what_the_umask_allows(self) -> None:
        result = self.run_script(
            "make_article.py", "-o", "new.txt", preexec_fn=with_umask(0o077)
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(self.path("new.txt")).st_mode), 0o600)

    def test_output_path(self) -> None:
        result = self.run_script("make_article.py", "-o", self.path("out.txt"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.read("out.txt"), ORIGINAL)
        self.assertEqual(
            sorted(os.listdir(self.folder)),
            sorted(PROJECT + ("out.txt",)),
        )

    def test_standard_output_gets_the_raw_bytes(self) -> None:
        result = self.run_script("make_article.py", "-o", "-")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, ORIGINAL)

    def test_damaged_target_is_replaced_keeping_its_mode(self) -> None:
        self.write("ar_news.txt", ORIGINAL.replace(b"\xc2\xa0", b" "))
        os.chmod(self.path("ar_news.txt"), 0o640)
        result = self.run_script("make_article.py")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.read("ar_news.txt"), ORIGINAL)
        self.assertEqual(stat.S_IMODE(os.stat(self.path("ar_news.txt")).st_mode), 0o640)

    def test_unchanged_target_is_not_written(self) -> None:
        before = os.stat(self.path("ar_news.txt"))
        os.utime(self.path("ar_news.txt"), ns=(before.st_atime_ns, 1_000_000_000))
        result = self.run_script("make_article.py")
        self.assertEqual(result.returncode, 0, result.stderr)
        after = os.stat(self.path("ar_news.txt"))
        self.assertEqual(
            (after.st_ino, after.st_mtime_ns), (before.st_ino, 1_000_000_000)
        )
        self.assertIn(b"nothing written", result.stderr)

    def test_a_link_stays_a_link(self) -> None:
        os.symlink("ar_news.txt", self.path("link.txt"))
        self.write("ar_news.txt", b"old")
        result = self.run_script("make_article.py", "-o", "link.txt")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.islink(self.path("link.txt")))
        self.assertEqual(self.read("ar_news.txt"), ORIGINAL)


class NotARegularFile(RepoCopyTestCase):
    def test_fifo_is_written_through(self) -> None:
        os.mkfifo(self.path("fifo"))
        received = []
        reader = threading.Thread(target=lambda: received.append(self.read("fifo")))
        reader.start()
        result = self.run_script("make_article.py", "-o", "fifo")
        reader.join(timeout=HANG)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(received, [ORIGINAL])
        self.assertTrue(stat.S_ISFIFO(os.stat(self.path("fifo")).st_mode))

    def test_dev_stdout_is_written_through(self) -> None:
        with open(self.path("captured"), "wb") as captured:
            result = self.run_script(
                "make_article.py", "-o", "/dev/stdout", stdout=captured
            )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.read("captured"), ORIGINAL)
        self.assertTrue(os.path.islink("/dev/stdout"))  # not replaced by a regular file

    def test_character_device_is_written_through(self) -> None:
        result = self.run_script("make_article.py", "-o", os.devnull)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(stat.S_ISCHR(os.stat(os.devnull).st_mode))


class Trouble(RepoCopyTestCase):
    def assertNothingChanged(self, old: bytes) -> None:
        self.assertEqual(self.read("ar_news.txt"), old)
        self.assertEqual(
            sorted(os.listdir(self.folder)),
            sorted(PROJECT),
        )

    def test_missing_folder(self) -> None:
        result = self.run_script(
            "make_article.py", "-o", self.path("missing", "ar_news.txt")
        )
        self.assertOneLineOfTrouble(result)
        self.assertIn(b"No such file or directory", result.stderr)
        self.assertNothingChanged(ORIGINAL)

    def test_target_is_a_folder(self) -> None:
        os.mkdir(self.path("folder"))
        result = self.run_script("make_article.py", "-o", "folder")
        self.assertOneLineOfTrouble(result)
        self.assertIn(b"Is a directory", result.stderr)
        self.assertEqual(os.listdir(self.path("folder")), [])

    def test_write_failing_half_way_leaves_the_old_file(self) -> None:
        old = b"an old, damaged copy"
        self.write("ar_news.txt", old)

        def limit_file_size() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

        result = self.run_script("make_article.py", preexec_fn=limit_file_size)
        self.assertOneLineOfTrouble(result)
        self.assertIn(b"File too large", result.stderr)
        self.assertNothingChanged(old)

    def test_bad_option_is_a_usage_error(self) -> None:
        result = self.run_script("make_article.py", "--no-such-option")
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"usage:", result.stderr)

    def test_reader_that_closes_the_pipe_early(self) -> None:
        pipeline = f"{sys.executable} make_article.py -o - | head -c 10"
        result = subprocess.run(
            ["sh", "-c", pipeline],
            check=False,
            cwd=self.folder,
            capture_output=True,
            timeout=HANG,
        )
        self.assertEqual(result.stdout, ORIGINAL[:10])
        self.assertNotIn(b"Traceback", result.stderr)
        self.assertNotIn(b"Error", result.stderr)

    def test_reader_gone_before_the_write_ends_it_quietly(self) -> None:
        read_end, write_end = os.pipe()
        os.close(read_end)  # every write to the pipe now fails: EPIPE
        result = self.run_script("make_article.py", "-o", "-", stdout=write_end)
        os.close(write_end)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr, b"")

    def test_closed_standard_output(self) -> None:
        script = self.path("make_article.py")
        result = subprocess.run(
            ["sh", "-c", f"{sys.executable} {script} -o - >&-"],
            check=False,
            capture_output=True,
            timeout=HANG,
        )
        self.assertOneLineOfTrouble(result)
