using Dispatch.Core.Api;

namespace Dispatch.App.SignIn;

/// <summary>The problems of sign-in, Chinese first, then English.</summary>
public static class SignInProblems
{
    private const string Base = "https://dispatch.example/problems/";

    public static ApiProblem PhoneInvalid { get; } = ApiProblem.Validation(new Dictionary<string, string[]>
    {
        ["phone"] = ["请输入 11 位手机号。 Enter an 11-digit mobile number."],
    });

    public static ApiProblem CodeWrong { get; } = new(
        400, Base + "code-wrong", "验证码不正确。 The code is wrong.",
        "请核对短信中的 6 位验证码；连续输错 5 次后需重新获取。 Check the 6 digits in the text; after 5 wrong tries, ask for a new code.",
        new Dictionary<string, string[]> { ["code"] = ["验证码不正确。 The code is wrong."] });

    public static ApiProblem CodeExpired { get; } = new(
        400, Base + "code-expired", "验证码已失效，请重新获取。 The code is no longer valid: ask for a new one.",
        "验证码 5 分钟内有效、只能使用一次，输错 5 次即作废。 A code is valid for 5 minutes, once, and up to 5 wrong tries.",
        new Dictionary<string, string[]> { ["code"] = ["验证码已失效，请重新获取。 Ask for a new code."] });

    public static ApiProblem NoAccount { get; } = new(
        403, Base + "no-account", "这个号码没有可登录的身份。 This number has nothing to sign in to.",
        "只有社区工作人员、管理员和在册的党员可以登录；居民请用“找回我的订单”。 Only staff, administrators and active members sign in; residents use “find my orders”.");

    public static ApiProblem NoSuchChoice { get; } = new(
        400, Base + "no-such-role", "这个号码没有所选的身份。 This number has no such role.",
        "请从列出的身份中选择。 Choose one of the listed roles.",
        new Dictionary<string, string[]> { ["role"] = ["请从列出的身份中选择。 Choose one of the listed roles."] });

    public static ApiProblem TooManyCodes(int retryAfterSeconds) => new(
        429, Base + "code-rate-limited", "验证码发送太频繁。 Codes were asked for too often.",
        $"请在 {retryAfterSeconds} 秒后再试。 Try again in {retryAfterSeconds} s (see Retry-After).");

    public static ApiProblem SmsNotConfigured { get; } = new(
        503, Base + "sms-not-configured", "短信服务未配置，暂时无法发送验证码。 No SMS provider is configured: codes cannot be sent.",
        "运维人员需设置 Sms:ProviderUrl 和 Sms:ApiKey。 The operator must set Sms:ProviderUrl and Sms:ApiKey.");

    public static ApiProblem SmsUnavailable { get; } = new(
        503, Base + "sms-unavailable", "短信服务暂时不可用。 The SMS provider is unavailable.",
        "验证码没有发出，请稍后再试。 No code was sent; try again shortly.");
}
