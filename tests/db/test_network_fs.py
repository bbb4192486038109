"""A project on a network file system is detected from the mount table (db/network_fs.py) and the
user warned by every project command (stderr) and by the window (tests/gui/test_network_notice.py).

The mount tables are samples in /proc/self/mountinfo's format, as Linux writes them for NFS, SMB,
sshfs, WSL's Windows drives (9p) and local disks; the machine running the tests has no network
mount, so the commands are given one through TADQIQ_MOUNTINFO (the file read instead of
/proc/self/mountinfo).
"""

from __future__ import annotations

import os

import pytest

from tadqiq.db.network_fs import MOUNTINFO_ENV, Mount, mount_of, network_mount, network_warning, parse_mountinfo

SAMPLE = r"""22 1 252:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw,errors=remount-ro
25 22 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
41 22 0:37 / /home rw,relatime shared:21 - nfs4 fileserver:/export/home rw,vers=4.2,rsize=1048576,hard,proto=tcp
57 41 252:2 / /home/amal/scratch rw,relatime shared:30 - ext4 /dev/vdb1 rw
63 22 0:45 / /mnt/team\040share rw,relatime shared:33 - cifs //nas.lab/team rw,vers=3.1.1,cache=strict,username=amal
70 22 0:50 / /mnt/remote rw,nosuid,nodev,relatime shared:40 - fuse.sshfs amal@lab-3:/srv/corpus rw,user_id=1000
71 22 0:51 / /mnt/c rw,noatime - 9p drvfs rw,dirsync,aname=drvfs;path=C:\;uid=1000
80 22 0:60 / /data rw,relatime shared:50 - nfs old-server:/data rw,vers=3
81 22 252:3 / /data rw,relatime shared:51 - xfs /dev/vdc1 rw
90 22 0:70 / /srv/odd rw master:7 propagate_from:2 unbindable - nfs srv:/odd rw
"""


def test_the_sample_is_parsed_with_escapes_and_optional_fields():
    mounts = parse_mountinfo(SAMPLE + "garbage line without the separator\n")
    assert len(mounts) == 10
    assert mounts[0] == Mount("/", "ext4", "/dev/vda1")
    assert Mount("/mnt/team share", "cifs", "//nas.lab/team") in mounts  # \040 is a space
    assert mounts[-1] == Mount("/srv/odd", "nfs", "srv:/odd")  # several optional fields before "-"


@pytest.mark.parametrize(("path", "fstype"), [
    ("/home/amal/p.tadqiq", "nfs4"),
    ("/home/amal/scratch/p.tadqiq", None),  # a local disk mounted inside the NFS home
    ("/homework/p.tadqiq", None),  # /home is not a folder of /homework
    ("/mnt/team share/2026/p.tadqiq", "cifs"),
    ("/mnt/remote/p.db", "fuse.sshfs"),
    ("/mnt/c/Users/amal/p.db", "9p"),
    ("/data/p.db", None),  # xfs mounted over the NFS mount on the same point hides it
    ("/srv/odd/p.db", "nfs"),
    ("/tmp/p.db", None),
])
def test_the_mount_holding_a_file_and_whether_it_is_a_network_one(path, fstype):
    mounts = parse_mountinfo(SAMPLE)
    mount = mount_of(path, mounts)
    assert mount is not None
    assert (mount.fstype if mount.network else None) == fstype


def test_the_warning_names_the_file_system_and_what_to_do(tmp_path):
    project = tmp_path / "p.tadqiq"
    folder = os.path.realpath(tmp_path)
    here = f"30 22 0:40 / {folder} rw - nfs4 fileserver:/export/projects rw\n"
    assert network_mount(project, SAMPLE) is None  # tmp_path is on the root's ext4 in the sample
    assert network_mount(project, SAMPLE + here) == Mount(folder, "nfs4", "fileserver:/export/projects")
    text = network_warning(project, SAMPLE + here)
    assert text.startswith(f"{project} is on a network file system (nfs4 from fileserver:/export/projects, "
                           f"mounted on {folder})")
    assert "Copy the project to a local disk" in text
    assert network_warning(project) is None  # this machine's own mounts: the tests run on a local disk


def mountinfo_with(folder, fstype: str = "nfs4") -> str:
    """A mount table file: the sample, and ``folder`` mounted from a file server as ``fstype``."""
    table = folder / "mountinfo"
    table.write_text(SAMPLE + f"30 22 0:40 / {os.path.realpath(folder)} rw - {fstype} fileserver:/export/projects rw\n",
                     encoding="utf-8")
    return str(table)


def test_every_project_command_warns_on_stderr(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from tadqiq.cli.main import cli

    project = tmp_path / "p.db"
    monkeypatch.setenv(MOUNTINFO_ENV, mountinfo_with(tmp_path))
    runner = CliRunner()
    for args in (["init", project], ["stats", project], ["check", project]):
        result = runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        assert (f"tadqiq: warning: {project} is on a network file system (nfs4 from fileserver:/export/projects"
                in result.stderr), args
    monkeypatch.setenv(MOUNTINFO_ENV, mountinfo_with(tmp_path, "ext4"))
    result = runner.invoke(cli, ["stats", str(project)], catch_exceptions=False)
    assert result.exit_code == 0 and "warning" not in result.stderr
