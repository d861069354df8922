/// The engine's name and version, recorded in every result so it can be replayed exactly.
public enum EngineInfo {
    public static let name = "waymark"
    public static let version = "0.2.0"
}
