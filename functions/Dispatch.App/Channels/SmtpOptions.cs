using MailKit.Security;

namespace Dispatch.App.Channels;

/// <summary>The SMTP server email notices go through (settings Smtp:*). Without a host, email is off.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>The sender, e.g. <c>社区志愿服务 &lt;noreply@example.org&gt;</c>.</summary>
    public string From { get; set; } = "noreply@dispatch.invalid";

    public string? User { get; set; }

    /// <summary>A secret: from Key Vault or the app's settings, never the repository.</summary>
    public string? Password { get; set; }

    /// <summary>TLS: Auto (STARTTLS when offered; TLS on 465) by default.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
