namespace Dispatch.Core.Orders;

/// <summary>Who the resident is and where to go. Stored only on the order entity; shown to the assigned
/// member after they accept, and to organizers; never put in messages, timers, history or logs.
/// <see cref="WantsUpdates"/>: the resident agreed on the form to status texts (accepted, done, closed) to the phone.</summary>
public sealed record ResidentDetails(string Name, string Phone, string Address, string Description, bool WantsUpdates = false)
{
    /// <summary>What every view shows for a field erased after the retention period.</summary>
    public const string ErasedText = "已删除 / erased";

    public static ResidentDetails Erased { get; } = new(ErasedText, ErasedText, ErasedText, ErasedText);
}
