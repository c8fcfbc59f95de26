# Agendas (issue 5, item 4): a participant's agenda page, its downloads and calendar
# subscription, and the organiser's table plan and meeting spreadsheet.

## Links from other pages

agendas-link = My agenda
agendas-open = Agenda
agendas-open-pdf = Agenda (PDF)
agendas-documents = Documents
agendas-table-plan = Table plan (PDF)
agendas-meetings-xlsx = All meetings (Excel)

## The agenda page

agendas-title = My agenda: { $name }
agendas-participant-title = Agenda of { $name }
agendas-organiser-view = You are looking at this participant's agenda as an organiser of the event. It shows meetings before they are published.
agendas-event-cancelled = This event has been cancelled.
agendas-unpublished = The organisers have not published the meeting agenda yet. Your meetings, their times and tables appear here once they do.
agendas-preliminary-badge = Preliminary agenda.
agendas-preliminary = The organisers may still move meetings; look again shortly before the event.
agendas-waiting = { $count ->
    [one] 1 accepted meeting is not on your agenda yet: it is waiting for a slot.
   *[other] { $formatted } accepted meetings are not on your agenda yet: they are waiting for a slot.
}
agendas-programme-title = Programme and meetings
agendas-local-times = Times are the venue's local time ({ $label }).
agendas-no-meetings = No meetings on the agenda yet.
agendas-find-participants = Find participants to meet
agendas-empty = Nothing on the agenda yet.
agendas-meeting-with = Meeting with { $name }
agendas-table = Table { $count }
agendas-by-video = By video
agendas-profile = About the profile
agendas-speakers = Speakers
agendas-video-link = Join the video meeting
agendas-stream-link = Watch the live stream
agendas-cancelled = cancelled

## Check-in, downloads, subscription

agendas-checkin-title = Check-in
agendas-qr-label = QR code for check-in at the entrance
agendas-checkin-hint = Show this code at the entrance (on your phone or on the printed agenda); the organisers scan it to check you in.
agendas-downloads-title = Downloads
agendas-download-pdf = Printable agenda (PDF)
agendas-download-ics = Calendar file (.ics) to import once
agendas-subscribe-title = Subscribe in your calendar
agendas-subscribe-hint = Add this address to your calendar (Outlook, Google Calendar, Apple Calendar) as a subscription: when a meeting moves, your calendar follows.
agendas-subscribe-label = Calendar address
agendas-subscribe-private = Keep it to yourself: anyone with this address can read your agenda.
agendas-subscribe-webcal = Open in my calendar app
agendas-reset-hint = Shared the address by mistake? Reset it: the old address stops working and you subscribe again with the new one.
agendas-reset = Reset calendar address
agendas-reset-done = Your calendar address has been reset. Subscribe again with the new address; the old one no longer works.

## Without an agenda

agendas-none-title = No agenda
agendas-not-registered = You are not registered for this event, so there is no agenda for you here.
agendas-not-approved = Your registration is not approved yet ({ $label }); your agenda appears here once it is.
agendas-register = Register for this event
