using Dispatch.App.SignIn;
using Dispatch.Core.Notifications;

namespace Dispatch.App.Channels;

/// <summary>SMS through the same provider sign-in codes use (<see cref="SmsProvider"/>, settings Sms:*).</summary>
public sealed class SmsChannel(SmsProvider provider) : INotificationChannel
{
    public Channel Channel => Channel.Sms;

    public bool IsConfigured => provider.IsConfigured;

    public async Task SendAsync(ChannelAddress to, ChannelMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await provider.SendAsync(to.Phone ?? throw new ChannelSendException("no-phone"), message.Text, ct).ConfigureAwait(false);
        }
        catch (SmsProviderException e)
        {
            throw new ChannelSendException(e.Message);
        }
    }
}
