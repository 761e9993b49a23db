using Dispatch.Core.Api;
using Dispatch.Core.Notifications;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests.Channels;

public sealed class ChannelStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task A_persons_channels_and_phones_are_kept_apart_from_everyone_elses()
    {
        var store = new ChannelStore(Account);
        var li = ChannelPerson.Member("m-li");
        var wang = ChannelPerson.Organizer("hubin", "org-wang");
        Assert.Equal(PersonChannels.None.Email, (await store.GetAsync(li)).Email);

        await store.SetAsync(li, "li@example.org", sms: true);
        var phone = new PushTarget("https://push.example/a", "p256", "auth");
        await store.AddPushAsync(li, phone);
        await store.AddPushAsync(li, phone); // the same phone again: still one
        await store.SetAsync(wang, null, sms: false);

        var chosen = await store.GetAsync(li);
        Assert.Equal(("li@example.org", true), (chosen.Email, chosen.Sms));
        Assert.Equal(phone, Assert.Single(chosen.Push));
        Assert.Empty((await store.GetAsync(wang)).Push);

        await store.RemovePushAsync(li, phone.Id);
        await store.RemovePushAsync(li, phone.Id); // idempotent
        Assert.Empty((await store.GetAsync(li)).Push);
        Assert.Equal("li@example.org", (await store.GetAsync(li)).Email);
    }

    [Fact]
    public async Task A_delivery_is_added_once_and_comes_due_for_retry_until_it_is_given_up()
    {
        var log = new DeliveryStore(Account);
        var now = Sample.T0;
        var id = Delivery.IdOf("m|m-li", "o1", "offer-1", Channel.Email, null);
        Assert.Equal(id, Delivery.IdOf("m|m-li", "o1", "offer-1", Channel.Email, null));
        Assert.NotEqual(id, Delivery.IdOf("m|m-li", "o1", "offer-1", Channel.Sms, null));
        var first = new Delivery("hubin", id, DeliveryRecipient.Member, "m-li", Channel.Email, null, "o1", DeliveryKind.Offer, now.AddHours(2),
            1, DeliveryOutcome.Pending, null, now, now.AddMinutes(2));

        Assert.True(await log.TryAddAsync(first));
        Assert.False(await log.TryAddAsync(first with { Attempt = 9 }));
        Assert.Empty(await log.DueAsync(now, 10));
        Assert.Single(await log.DueAsync(now.AddMinutes(2), 10)); // a pending attempt past its lease

        await log.SaveAsync(first with { Outcome = DeliveryOutcome.Retrying, Error = "smtp-unreachable", NextAttemptAt = now.AddMinutes(1) });
        var due = Assert.Single(await log.DueAsync(now.AddMinutes(1), 10));
        Assert.Equal(("smtp-unreachable", DeliveryKind.Offer, now.AddHours(2)), (due.Error, due.Kind, due.OfferDeadline));

        await log.SaveAsync(due with { Attempt = 4, Outcome = DeliveryOutcome.Failed, NextAttemptAt = null });
        Assert.Empty(await log.DueAsync(now.AddDays(1), 10));
        Assert.Equal(4, Assert.Single(await log.ListAsync("hubin", DeliveryOutcome.Failed, 10)).Attempt);
        Assert.Empty(await log.ListAsync("hubin", DeliveryOutcome.Sent, 10));
        Assert.Empty(await log.ListAsync("other", null, 10));
    }
}
