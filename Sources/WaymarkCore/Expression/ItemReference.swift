/// An indicator or derived condition, the two kinds of item conditions may refer to.
public enum ItemReference: Sendable, Hashable {
    case indicator(Int)
    case derived(Int)
}
