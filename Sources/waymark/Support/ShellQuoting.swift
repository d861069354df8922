/// Paths in the commands Waymark suggests are quoted for the shell, so that a hint can be copied as it is.
extension String {
    var shellQuoted: String {
        let plain = unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_./-@:+=,%".unicodeScalars.contains($0) }
        return !isEmpty && plain ? self : "'" + replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
