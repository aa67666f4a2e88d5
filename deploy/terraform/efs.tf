# Prometheus' and Alertmanager's volumes (deploy/monitoring, StorageClass efs-sc, one access
# point per claim), reachable from either zone so a pod rescheduled elsewhere keeps its data.
resource "aws_efs_file_system" "monitoring" {
  creation_token   = "${local.name}-monitoring"
  encrypted        = true
  performance_mode = "generalPurpose"
  throughput_mode  = "elastic"

  tags = { Name = "${local.name}-monitoring" }
}

resource "aws_efs_backup_policy" "monitoring" {
  file_system_id = aws_efs_file_system.monitoring.id

  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_efs_mount_target" "monitoring" {
  count = length(local.azs)

  file_system_id  = aws_efs_file_system.monitoring.id
  subnet_id       = aws_subnet.private[count.index].id
  security_groups = [aws_security_group.efs.id]
}
