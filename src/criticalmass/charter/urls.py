from django.urls import path

from criticalmass.charter import drafting, printable, vetting, views

app_name = "charter"
urlpatterns = [
    path("charter/", views.charter, name="charter"),
    path("charter/versions/", views.versions, name="versions"),
    path("charter/sign/", views.sign, name="sign"),
    path("charter/withdraw/", views.withdraw, name="withdraw"),
    path("accountability/", views.accountability, name="accountability"),
    path("accountability/<slug:name>.csv", views.accountability_csv, name="accountability_csv"),
    path("accountability/partners/<slug:slug>/", views.partner, name="partner"),
    path("accountability/partners/<slug:slug>/<slug:name>.csv", views.partner_csv, name="partner_csv"),
    path("my/commitments/", views.mine, name="mine"),
    path("my/commitments/new/", views.commitment_form, name="commitment_new"),
    path("my/commitments/<int:pk>/", views.commitment_form, name="commitment_edit"),
    path("my/commitments/<int:pk>/report/", views.report, name="report"),
    path("my/verifications/<int:pk>/answer/", views.answer, name="answer"),
    path("commitments/<int:pk>/history/", views.commitment_history, name="history"),
    path("review/", views.review, name="review"),
    path("review/reports/<int:pk>/", views.verify, name="verify"),
    path("accountability/commitments/<int:pk>/history/", views.public_history, name="public_history"),
    path("accountability/commitments/<int:pk>/history.csv", views.public_history_csv,
         name="public_history_csv"),
    path("charter/endorse/", drafting.endorse, name="endorse"),
    path("charter/drafts/<int:number>/", drafting.draft, name="draft"),
    path("charter/drafts/<int:number>/comments/", drafting.comment, name="comment"),
    path("charter/comments/<int:pk>/respond/", drafting.respond, name="respond"),
    path("charter/consultations.csv", drafting.consultation_csv, name="consultation_csv"),
    path("charter/charter.pdf", printable.pdf, name="pdf"),
    path("charter/signatories/embed/", printable.embed, name="embed"),
    path("vetting/", vetting.vetting, name="vetting"),
    path("vetting/<int:pk>/opinion/", vetting.opinion, name="opinion"),
    path("vetting/<int:pk>/decide/", vetting.decide, name="decide"),
]
