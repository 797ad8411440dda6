import Foundation

/// Writes an export file, with a failure told in one Dutch line: which file and why.
enum ExportFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func write(_ text: String, to path: String) throws(Failure) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Failure(description: "\(path): is een map; geef een bestandsnaam")
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw Failure(description: "\(path): \(reason(error, folder: URL(fileURLWithPath: path).deletingLastPathComponent().path))")
        }
    }

    private static func reason(_ error: Error, folder: String) -> String {
        let nsError = error as NSError
        let posix = (nsError.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
        switch (posix, nsError.code) {
        case (Int(ENOENT)?, _), (_, NSFileNoSuchFileError): return "de map \(folder) bestaat niet"
        case (Int(EACCES)?, _), (Int(EPERM)?, _), (_, NSFileWriteNoPermissionError): return "geen schrijfrechten in \(folder)"
        case (Int(ENOSPC)?, _), (_, NSFileWriteOutOfSpaceError): return "de schijf is vol"
        case (Int(EROFS)?, _), (_, NSFileWriteVolumeReadOnlyError): return "het bestandssysteem is alleen-lezen"
        default: return "kan niet geschreven worden"
        }
    }
}
