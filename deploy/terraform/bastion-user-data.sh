#!/bin/bash
# The MariaDB client for operators; kubectl is installed per the EKS user guide (README.md),
# matching the cluster's minor version.
set -euo pipefail
dnf install -y mariadb105
