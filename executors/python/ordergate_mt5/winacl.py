"""Who besides its owner may read a file on Windows, where permission bits mean nothing: the file's access list
(DACL) is read with GetNamedSecurityInfoW and its allow entries are checked for the broad groups (Everyone,
Authenticated Users, Users, Guests) by their well-known SIDs, which do not change with the system's language."""
import os

BROAD_GROUPS = {
    "S-1-1-0": "Everyone",
    "S-1-5-11": "Authenticated Users",
    "S-1-5-32-545": "Users",
    "S-1-5-32-546": "Guests",
    "S-1-5-7": "Anonymous",
}
SE_FILE_OBJECT = 1
DACL_SECURITY_INFORMATION = 0x4
ACCESS_ALLOWED_ACE_TYPE = 0
INHERIT_ONLY_ACE = 0x08
READ_RIGHTS = 0x1 | 0x80000000 | 0x10000000  # FILE_READ_DATA, GENERIC_READ, GENERIC_ALL


def other_readers(path):
    """Names of the broad groups that may read path; [] when none may (or not on Windows). OSError if unreadable."""
    if os.name != "nt":
        return []
    import ctypes
    from ctypes import wintypes

    class Acl(ctypes.Structure):
        _fields_ = [("AclRevision", wintypes.BYTE), ("Sbz1", wintypes.BYTE), ("AclSize", wintypes.WORD),
                    ("AceCount", wintypes.WORD), ("Sbz2", wintypes.WORD)]

    class AceHeader(ctypes.Structure):
        _fields_ = [("AceType", wintypes.BYTE), ("AceFlags", wintypes.BYTE), ("AceSize", wintypes.WORD)]

    class AccessAllowedAce(ctypes.Structure):
        _fields_ = [("Header", AceHeader), ("Mask", wintypes.DWORD), ("SidStart", wintypes.DWORD)]

    advapi = ctypes.WinDLL("advapi32", use_last_error=True)
    kernel = ctypes.WinDLL("kernel32", use_last_error=True)
    advapi.GetNamedSecurityInfoW.argtypes = [wintypes.LPCWSTR, ctypes.c_int, wintypes.DWORD] + [
        ctypes.POINTER(ctypes.c_void_p)] * 5
    advapi.GetNamedSecurityInfoW.restype = wintypes.DWORD
    advapi.GetAce.argtypes = [ctypes.c_void_p, wintypes.DWORD, ctypes.POINTER(ctypes.c_void_p)]
    advapi.GetAce.restype = wintypes.BOOL
    advapi.ConvertSidToStringSidW.argtypes = [ctypes.c_void_p, ctypes.POINTER(wintypes.LPWSTR)]
    advapi.ConvertSidToStringSidW.restype = wintypes.BOOL
    kernel.LocalFree.argtypes = [ctypes.c_void_p]
    kernel.LocalFree.restype = ctypes.c_void_p

    dacl = ctypes.c_void_p()
    descriptor = ctypes.c_void_p()
    code = advapi.GetNamedSecurityInfoW(os.path.abspath(path), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, None, None,
                                        ctypes.byref(dacl), None, ctypes.byref(descriptor))
    if code != 0:
        raise OSError(code, "GetNamedSecurityInfoW failed")
    try:
        if not dacl.value:
            return ["Everyone (the file has no access list at all)"]
        found = set()
        for index in range(Acl.from_address(dacl.value).AceCount):
            ace = ctypes.c_void_p()
            if not advapi.GetAce(dacl, index, ctypes.byref(ace)):
                raise ctypes.WinError(ctypes.get_last_error())
            entry = AccessAllowedAce.from_address(ace.value)
            if (entry.Header.AceType != ACCESS_ALLOWED_ACE_TYPE or entry.Header.AceFlags & INHERIT_ONLY_ACE
                    or not entry.Mask & READ_RIGHTS):
                continue
            text = wintypes.LPWSTR()
            if not advapi.ConvertSidToStringSidW(ace.value + AccessAllowedAce.SidStart.offset, ctypes.byref(text)):
                raise ctypes.WinError(ctypes.get_last_error())
            try:
                sid = text.value
            finally:
                kernel.LocalFree(ctypes.cast(text, ctypes.c_void_p))
            if sid in BROAD_GROUPS:
                found.add(BROAD_GROUPS[sid])
        return sorted(found)
    finally:
        kernel.LocalFree(descriptor)
