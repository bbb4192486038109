"""Is a project file on a network file system? Where SQLite cannot keep it safe, say so.

SQLite's locks are file locks, and the WAL mode a project uses keeps its index in shared memory
(the ``-shm`` file, mapped by every process that opens the file). Over NFS, SMB/CIFS, sshfs, 9p
and the like, locks are often not carried to the server or to other computers, and the shared
memory is not shared between computers: two writers can then both think they hold the lock, and
the file can be damaged (https://www.sqlite.org/useovernet.html). Tadqiq cannot fix that; it
detects the case where it can and warns (the command line on stderr, the window in its status
bar), so the reviewer copies the project to a local disk or makes sure one Tadqiq works on it.

Detection: on Linux the mount holding the file, from ``/proc/self/mountinfo`` (the longest mount
point that contains the file's real path; a later mount on the same point hides an earlier one)
and its file system type; on Windows a UNC path (``\\\\server\\share``) or a drive Windows calls
remote. Elsewhere (macOS) nothing is known and nothing is said.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

__all__ = ["MOUNTINFO_ENV", "NETWORK_TYPES", "Mount", "mount_of", "network_mount", "network_warning",
           "parse_mountinfo"]

#: A file to read instead of ``/proc/self/mountinfo``: what Tadqiq would say on a machine with
#: those mounts (another computer's ``/proc/self/mountinfo``, copied), and how the tests give
#: the real commands a network mount.
MOUNTINFO_ENV = "TADQIQ_MOUNTINFO"

#: File system types (mountinfo's field after the ``-``) that reach the file over a network or
#: from another machine: NFS, SMB/CIFS, sshfs and other FUSE network file systems, 9p (WSL's
#: Windows drives, virtual machines' shares), the cluster and distributed file systems, and the
#: shared folders of VirtualBox and VMware.
NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "ncpfs", "afs", "coda", "9p", "ceph", "glusterfs", "lustre",
    "gpfs", "ocfs2", "gfs2", "beegfs", "orangefs", "pvfs2", "davfs", "vboxsf", "vmhgfs", "drvfs", "sshfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.cephfs", "fuse.ceph-fuse", "fuse.s3fs", "fuse.gcsfuse", "fuse.rclone",
    "fuse.davfs2", "fuse.vmhgfs-fuse", "fuse.smbnetfs", "fuse.curlftpfs", "fuse.juicefs", "fuse.moosefs",
})


@dataclass(frozen=True)
class Mount:
    point: str  # where it is mounted
    fstype: str  # e.g. "nfs4", "fuse.sshfs"
    source: str  # e.g. "server:/export/projects", "//nas/team"

    @property
    def network(self) -> bool:
        return self.fstype in NETWORK_TYPES or self.source.startswith("\\\\")


def _unescape(field: str) -> str:
    r"""mountinfo writes a space, tab, newline and backslash in a path as ``\040`` ``\011`` ``\012``
    ``\134``."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 3 < len(field) and all(c in "01234567" for c in field[i + 1 : i + 4]):
            out.append(chr(int(field[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts of a ``/proc/PID/mountinfo`` text, in its order (lines it cannot read skipped):
    ``ID PARENT MAJ:MIN ROOT POINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPER_OPTIONS``."""
    mounts = []
    for line in text.splitlines():
        fields = line.split(" ")
        if "-" not in fields:
            continue
        dash = fields.index("-")
        if dash < 6 or len(fields) < dash + 3:
            continue
        mounts.append(Mount(_unescape(fields[4]), fields[dash + 1], _unescape(fields[dash + 2])))
    return mounts


def mount_of(path: str | os.PathLike[str], mounts: list[Mount]) -> Mount | None:
    """The mount holding ``path`` (absolute, links resolved by the caller): the longest mount
    point that is ``path`` or one of its folders; of several on one point, the last (it hides
    the others)."""
    target = PurePosixPath(path)
    best: Mount | None = None
    for mount in mounts:
        point = PurePosixPath(mount.point)
        if (target == point or point in target.parents) and (
                best is None or len(point.parts) >= len(PurePosixPath(best.point).parts)):
            best = mount
    return best


def _windows_mount(path: Path) -> Mount | None:
    resolved = str(path.resolve())
    if resolved.startswith("\\\\"):
        share = "\\".join(resolved.split("\\")[:4])
        return Mount(share, "smb", share)
    drive = os.path.splitdrive(resolved)[0]
    try:
        import ctypes

        kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    return Mount(drive, "remote drive", drive) if kind == 4 else None  # DRIVE_REMOTE


def network_mount(path: str | os.PathLike[str], mountinfo: str | None = None) -> Mount | None:
    """The network mount ``path`` (a project file, or where it will be) lives on, or None when it
    is on a local disk or nothing can be told. ``mountinfo``: the text to read instead of
    ``/proc/self/mountinfo`` (or the file :data:`MOUNTINFO_ENV` names)."""
    path = Path(path)
    where = path if path.exists() else path.parent
    source = os.environ.get(MOUNTINFO_ENV) or "/proc/self/mountinfo"
    if sys.platform == "win32" and mountinfo is None and MOUNTINFO_ENV not in os.environ:
        return _windows_mount(where)
    if mountinfo is None:
        try:
            mountinfo = Path(source).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    mount = mount_of(os.path.realpath(where), parse_mountinfo(mountinfo))
    return mount if mount is not None and mount.network else None


def network_warning(path: str | os.PathLike[str], mountinfo: str | None = None) -> str | None:
    """The warning the command line prints for a project on a network file system, or None."""
    mount = network_mount(path, mountinfo)
    if mount is None:
        return None
    return (f"{path} is on a network file system ({mount.fstype} from {mount.source}, mounted on {mount.point}): "
            "SQLite cannot always lock a file there, and two programs writing it at once (two windows, a window "
            "and an import, two computers) can damage it. Copy the project to a local disk to work on it, or make "
            "sure only one Tadqiq uses it at a time")
