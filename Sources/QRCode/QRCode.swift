import CQRencode

/// A link as a QR code, by libqrencode: the modules (true = dark) row by row, without the quiet zone.
public struct QRCode: Sendable, Equatable {
    public let size: Int
    public let modules: [[Bool]]

    /// Nil when the text cannot be encoded (too long for any QR version).
    public init?(_ text: String) {
        // Level M (15 % may be lost: a projector's glare), 8-bit mode for any URL, the smallest version that fits.
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        modules = (0..<width).map { row in
            (0..<width).map { column in code.pointee.data[row * width + column] & 1 == 1 }
        }
    }

    /// The code with a quiet zone of `margin` light modules around it, as scanners need.
    public func padded(by margin: Int) -> [[Bool]] {
        let blank = Array(repeating: false, count: size + 2 * margin)
        let side = Array(repeating: false, count: margin)
        return Array(repeating: blank, count: margin) + modules.map { side + $0 + side } + Array(repeating: blank, count: margin)
    }

    /// Two module rows per text row in half blocks (▀ ▄ █ and space, dark drawn as a block), with the quiet zone:
    /// a terminal cell is about twice as tall as wide, so each module comes out square.
    public func halfBlockRows(margin: Int = 2) -> [String] {
        let grid = padded(by: margin)
        return stride(from: 0, to: grid.count, by: 2).map { top in
            let lower = top + 1 < grid.count ? grid[top + 1] : Array(repeating: false, count: grid[top].count)
            return String(zip(grid[top], lower).map { upper, lower -> Character in
                switch (upper, lower) {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
            })
        }
    }
}
