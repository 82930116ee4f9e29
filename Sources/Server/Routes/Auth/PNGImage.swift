import Foundation

/// A grayscale PNG written without a compression library: zlib "stored" blocks inside one IDAT chunk, which
/// every PNG decoder reads. Enough for the captcha image seed 003's login screen shows.
struct PNGImage {
    let width: Int
    let height: Int
    /// One byte of gray per pixel, row by row.
    var pixels: [UInt8]

    init(width: Int, height: Int, fill: UInt8 = 255) {
        self.width = width
        self.height = height
        self.pixels = Array(repeating: fill, count: width * height)
    }

    subscript(x: Int, y: Int) -> UInt8 {
        get { self.pixels[y * self.width + x] }
        set {
            guard x >= 0, y >= 0, x < self.width, y < self.height else { return }
            self.pixels[y * self.width + x] = newValue
        }
    }

    /// The file's bytes.
    var data: [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((self.width + 1) * self.height)
        for row in 0..<self.height {
            raw.append(0)  // filter: none
            raw.append(contentsOf: self.pixels[(row * self.width)..<((row + 1) * self.width)])
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.append(contentsOf: Self.bigEndian(UInt32(self.width)))
        header.append(contentsOf: Self.bigEndian(UInt32(self.height)))
        header.append(contentsOf: [8, 0, 0, 0, 0])  // 8-bit grayscale, deflate, no interlace
        Self.chunk("IHDR", header, into: &png)
        Self.chunk("IDAT", Self.zlibStored(raw), into: &png)
        Self.chunk("IEND", [], into: &png)
        return png
    }

    /// `data:image/png;base64,…`.
    var dataURL: String { "data:image/png;base64," + Data(self.data).base64EncodedString() }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    static func chunk(_ type: String, _ body: [UInt8], into png: inout [UInt8]) {
        let typed = Array(type.utf8) + body
        png.append(contentsOf: Self.bigEndian(UInt32(body.count)))
        png.append(contentsOf: typed)
        png.append(contentsOf: Self.bigEndian(Self.crc32(typed)))
    }

    /// A zlib stream of uncompressed deflate blocks (at most 65,535 bytes each).
    static func zlibStored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, bytes.count - offset)
            let last: UInt8 = offset + count == bytes.count ? 1 : 0
            out.append(last)
            out.append(contentsOf: [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)])
            out.append(contentsOf: bytes[offset..<(offset + count)])
            offset += count
        } while offset < bytes.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        out.append(contentsOf: Self.bigEndian((b << 16) | a))
        return out
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = Self.crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    /// A captcha-like picture: `text` drawn in a 3×5 pixel font, scaled, with noise lines. Rapport does not
    /// check captchas (contracts/seed003 §9); the image only has to be a real one for old clients.
    static func captcha(_ text: String, scale: Int = 5) -> PNGImage {
        var image = PNGImage(width: 4 * scale * 4 + 2 * scale, height: 7 * scale)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<6 {
            let y0 = Int.random(in: 0..<image.height, using: &generator)
            let y1 = Int.random(in: 0..<image.height, using: &generator)
            for x in 0..<image.width { image[x, y0 + (y1 - y0) * x / image.width] = 170 }
        }
        image.draw(text.uppercased().prefix(4), left: scale, top: scale, scale: scale, gray: 20)
        return image
    }

    /// Draws `text` in the 3×5 font, each font pixel a `scale`-sided square, from (`left`, `top`).
    mutating func draw(_ text: some StringProtocol, left: Int, top: Int, scale: Int, gray: UInt8) {
        for (index, character) in text.enumerated() {
            let glyph = Self.font[character] ?? Self.font["?"]!
            for (row, bits) in glyph.enumerated() {
                for column in 0..<3 where bits & (4 >> column) != 0 {
                    for dy in 0..<scale {
                        for dx in 0..<scale { self[left + index * 4 * scale + column * scale + dx, top + row * scale + dy] = gray }
                    }
                }
            }
        }
    }

    /// Rows of three bits, top to bottom.
    static let font: [Character: [UInt8]] = [
        "0": [7, 5, 5, 5, 7], "1": [2, 6, 2, 2, 7], "2": [7, 1, 7, 4, 7], "3": [7, 1, 7, 1, 7], "4": [5, 5, 7, 1, 1],
        "5": [7, 4, 7, 1, 7], "6": [7, 4, 7, 5, 7], "7": [7, 1, 1, 1, 1], "8": [7, 5, 7, 5, 7], "9": [7, 5, 7, 1, 7],
        "A": [2, 5, 7, 5, 5], "B": [6, 5, 6, 5, 6], "C": [7, 4, 4, 4, 7], "D": [6, 5, 5, 5, 6], "E": [7, 4, 6, 4, 7],
        "F": [7, 4, 6, 4, 4], "G": [7, 4, 5, 5, 7], "H": [5, 5, 7, 5, 5], "J": [1, 1, 1, 5, 7], "K": [5, 5, 6, 5, 5],
        "L": [4, 4, 4, 4, 7], "M": [5, 7, 7, 5, 5], "N": [6, 5, 5, 5, 5], "P": [7, 5, 7, 4, 4], "Q": [7, 5, 5, 7, 1],
        "R": [7, 5, 6, 5, 5], "S": [7, 4, 7, 1, 7], "T": [7, 2, 2, 2, 2], "U": [5, 5, 5, 5, 7], "V": [5, 5, 5, 5, 2],
        "W": [5, 5, 7, 7, 5], "X": [5, 5, 2, 5, 5], "Y": [5, 5, 2, 2, 2], "Z": [7, 1, 2, 4, 7], "?": [7, 1, 2, 0, 2],
    ]
}
