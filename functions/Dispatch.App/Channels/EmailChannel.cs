using Dispatch.Core.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dispatch.App.Channels;

/// <summary>Email over SMTP (MailKit, settings Smtp:*): one connection per message, bounded to 10 s per step.</summary>
public sealed class EmailChannel(IOptions<SmtpOptions> options) : INotificationChannel
{
    public Channel Channel => Channel.Email;

    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(ChannelAddress to, ChannelMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(o.From));
        mail.To.Add(MailboxAddress.Parse(to.Email ?? throw new ChannelSendException("no-email")));
        mail.Subject = message.Subject;
        mail.Body = new TextPart("plain") { Text = message.Text };
        using var client = new SmtpClient { Timeout = 10_000 };
        try
        {
            await client.ConnectAsync(o.Host ?? throw new ChannelSendException("smtp-not-configured"), o.Port, o.Security, ct).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(o.User))
            {
                await client.AuthenticateAsync(o.User, o.Password ?? "", ct).ConfigureAwait(false);
            }

            await client.SendAsync(mail, ct).ConfigureAwait(false);
            await client.DisconnectAsync(true, ct).ConfigureAwait(false);
        }
        catch (SmtpCommandException e)
        {
            // The server's text may quote the address: the code is enough for the log.
            throw new ChannelSendException($"smtp-{(int)e.StatusCode}");
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException
                                      or MailKit.Security.AuthenticationException or ServiceNotConnectedException or TimeoutException)
        {
            throw new ChannelSendException($"smtp-unreachable ({e.GetType().Name})");
        }
    }
}
