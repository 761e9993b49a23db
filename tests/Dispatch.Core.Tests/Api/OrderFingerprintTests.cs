using Dispatch.Core.Api;

namespace Dispatch.Core.Tests.Api;

/// <summary>What an idempotency key is bound to: the validated form, not its spelling.</summary>
public sealed class OrderFingerprintTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static PlaceOrderRequest Form(string address = "1号楼 302 室", DateTimeOffset? wanted = null) =>
        new("Service", "Repair", "hubin", "g1", "b1", null, false, wanted, "张阿姨", "13812345678", address, "漏水");

    private static string Of(PlaceOrderRequest form)
    {
        var (request, resident) = OrderForm.Validate(form, Now);
        return OrderFingerprint.Of(request, resident);
    }

    [Fact]
    public void The_same_form_respelled_has_the_same_fingerprint()
    {
        Assert.Equal(Of(Form()), Of(Form(address: "  1号楼 302 室 ")));
        var wanted = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(Of(Form(wanted: wanted)), Of(Form(wanted: wanted.ToUniversalTime())));
    }

    [Fact]
    public void Another_form_has_another_fingerprint() => Assert.NotEqual(Of(Form()), Of(Form(address: "2号楼")));
}
