#if canImport(Glibc)
import Glibc
#endif

/// The server's glibc allocator settings, applied once at `serve` start.
///
/// glibc gives free memory at the top of a thread's heap back to the kernel (`madvise`) as soon as it exceeds
/// 128 KiB, so a request that frees a little more than that makes the next one fault the same pages in again.
/// Measured on the audited chat send: 7 % of the server's CPU went to that `madvise`, its TLB shootdowns and the
/// page faults after it, and none with a higher threshold. Keeping up to ``trimThreshold`` of free memory per
/// heap ends that. Allocations of ``mmapThreshold`` or more get their own mapping, returned when freed: setting
/// the trim threshold fixes glibc's otherwise self-raising mmap threshold, and 4 MiB keeps large, rare buffers
/// from staying in a heap.
///
/// An operator's own setting wins: nothing changes when any `MALLOC_…_` variable (glibc's own) or a
/// `glibc.malloc` tunable is in the environment.
enum MallocTuning {
    static let trimThreshold: Int32 = 16 << 20
    static let mmapThreshold: Int32 = 4 << 20

    /// Whether the environment already tunes the allocator.
    static func isTunedByEnvironment(_ environment: [String: String]) -> Bool {
        if environment.keys.contains(where: { $0.hasPrefix("MALLOC_") && $0.hasSuffix("_") }) { return true }
        return environment["GLIBC_TUNABLES"]?.contains("glibc.malloc.") ?? false
    }

    /// Applies the settings unless the environment has its own; returns whether it did.
    @discardableResult
    static func apply(environment: [String: String]) -> Bool {
        #if canImport(Glibc)
        guard !self.isTunedByEnvironment(environment) else { return false }
        // `mallopt` is in <malloc.h>, which the Glibc module leaves out; a libc without it is left alone.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        // The mmap threshold first: setting the trim threshold fixes it, and glibc's default (128 KiB) would then
        // map and unmap every larger buffer. <malloc.h>: M_TRIM_THRESHOLD -1, M_MMAP_THRESHOLD -3.
        return mallopt(-3, self.mmapThreshold) == 1 && mallopt(-1, self.trimThreshold) == 1
        #else
        return false
        #endif
    }
}
