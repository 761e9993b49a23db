using Dispatch.Core.Api;

namespace Dispatch.App.SignIn;

/// <summary>The problems of passkeys, Chinese first, then English.</summary>
public static class PasskeyProblems
{
    private const string Base = "https://dispatch.example/problems/";

    public static ApiProblem Expired { get; } = new(
        400, Base + "passkey-expired", "通行密钥操作已过期，请重试。 The passkey request expired: try again.",
        "每次操作须在 5 分钟内完成，且只能提交一次。 Each passkey request must be answered within 5 minutes, once.");

    public static ApiProblem Invalid { get; } = new(
        400, Base + "passkey-invalid", "通行密钥验证未通过。 The passkey could not be verified.",
        "请重试，或改用短信验证码登录。 Try again, or sign in with a code by text.");

    public static ApiProblem Unknown { get; } = new(
        403, Base + "passkey-unknown", "这个通行密钥没有登记。 This passkey is not registered here.",
        "请先用短信验证码登录，再添加通行密钥。 Sign in with a code first, then add a passkey.");
}
