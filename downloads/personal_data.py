"""A buyer's downloads for export and erasure (accounts.personal_data).

Export: the downloads held and every logged fetch (with its IP address).
Erasure: grants are revoked by commerce's shop eraser (`revoke_user`); here the
log rows lose their person and IP address, keeping only that a file was
downloaded (staff's counts stay true).
"""

from accounts import personal_data
from downloads.models import DownloadGrant, DownloadLog


def export(user):
    return {
        "downloads": [
            {
                "product": grant.product.title,
                "granted_at": grant.created_at.isoformat(),
                "revoked_at": grant.revoked_at.isoformat()
                if grant.revoked_at
                else None,
            }
            for grant in DownloadGrant.objects.filter(user=user).select_related(
                "product"
            )
        ],
        "download_log": [
            {
                "file": log.file_name,
                "ip_address": log.ip_address,
                "downloaded_at": log.downloaded_at.isoformat(),
            }
            for log in DownloadLog.objects.filter(user=user)
        ],
    }


def erase(user):
    DownloadLog.objects.filter(user=user).update(user=None, ip_address=None)


def register():
    personal_data.register("downloads", exporter=export, eraser=erase)
