namespace Dispatch.Storage;

/// <summary>The notification channels' tables, created on first use (<see cref="FeatureTable"/>), so channels stay
/// one self-contained feature.</summary>
public static class ChannelTables
{
    /// <summary>Per person: the chosen channels and the push subscriptions of their phones.</summary>
    public const string Channels = "channels";

    /// <summary>Per community: every delivery with its attempts and outcome (no message text, no address).</summary>
    public const string Deliveries = "deliveries";

    public static IReadOnlyList<string> All { get; } = [Channels, Deliveries];
}
