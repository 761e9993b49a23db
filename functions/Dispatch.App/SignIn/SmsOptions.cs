namespace Dispatch.App.SignIn;

/// <summary>The SMS provider codes are sent through outside a demo (settings Sms:*): an HTTP endpoint taking
/// <c>{to, text}</c> as JSON with the key as a Bearer token, the shape most SMS gateways (or a small relay in front of
/// one) accept. Without a provider, asking for a code answers 503 sms-not-configured.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>The provider's send endpoint (https).</summary>
    public Uri? ProviderUrl { get; set; }

    /// <summary>The provider's API key (a secret: from Key Vault or the app's settings, never the repository).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The text before the code; the code and its lifetime follow.</summary>
    public string Template { get; set; } = "【社区志愿服务】您的登录验证码是 {0}，5 分钟内有效。请勿告诉他人。";

    public bool IsConfigured => ProviderUrl is not null && !string.IsNullOrWhiteSpace(ApiKey);
}
