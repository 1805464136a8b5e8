package savefile

import "syscall"

// mmapFlags prefaults the mapping so reading it takes no page faults.
const mmapFlags = syscall.MAP_SHARED | syscall.MAP_POPULATE
