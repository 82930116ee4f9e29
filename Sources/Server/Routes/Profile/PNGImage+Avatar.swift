extension PNGImage {
    /// A default avatar: `label` (one or two characters) in dark letters on a light round badge.
    static func avatar(_ label: String, size: Int = 96) -> PNGImage {
        var image = PNGImage(width: size, height: size, fill: 255)
        let radius = Double(size) / 2
        for y in 0..<size {
            for x in 0..<size {
                let (dx, dy) = (Double(x) + 0.5 - radius, Double(y) + 0.5 - radius)
                if dx * dx + dy * dy <= radius * radius { image[x, y] = 205 }
            }
        }
        let characters = Array(label.uppercased().prefix(2))
        let scale = size / 12
        let width = (characters.count * 4 - 1) * scale
        let (left, top) = ((size - width) / 2, (size - 5 * scale) / 2)
        image.draw(String(characters), left: left, top: top, scale: scale, gray: 40)
        return image
    }
}
