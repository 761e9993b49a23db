using Dispatch.Core.Notifications;
using Dispatch.Storage;

namespace Dispatch.App.Channels;

/// <summary>One way to reach a person outside the app (Web Push, email, SMS). The in-app channel is the notifier's
/// inbox and notice lists (<see cref="Notices.InboxNotifier"/>), which every person has; these hang off it through
/// <see cref="ChannelDelivery"/>, on both hosts.</summary>
public interface INotificationChannel
{
    Channel Channel { get; }

    /// <summary>False when its settings are missing: nothing is attempted (and nothing logged as failed).</summary>
    bool IsConfigured { get; }

    /// <exception cref="ChannelSendException">The channel did not take the message.</exception>
    Task SendAsync(ChannelAddress to, ChannelMessage message, CancellationToken ct);
}

/// <summary>Where one delivery goes: the one address its channel uses.</summary>
public sealed record ChannelAddress(string? Email = null, string? Phone = null, PushTarget? Push = null, MessageLanguage Language = MessageLanguage.Zh);

/// <summary>A channel refused or failed. The message is a short reason for the delivery log — never an address, a
/// phone, a link or the text. <see cref="Gone"/>: the address no longer exists (a push subscription the service
/// dropped), so retrying is pointless.</summary>
public sealed class ChannelSendException(string reason, bool gone = false) : Exception(reason)
{
    public bool Gone { get; } = gone;
}
